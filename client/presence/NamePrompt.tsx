import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

export function NamePrompt({
  initialName,
  onSubmit,
}: {
  initialName: string
  onSubmit: (name: string) => void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(initialName)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() !== '') onSubmit(name)
  }
  return (
    <main className="name-prompt">
      <form className="name-prompt__card" onSubmit={submit} data-testid="name-prompt">
        <h1>{t('identity.title')}</h1>
        <p>{t('identity.prompt')}</p>
        <label className="field">
          <span className="field__label">{t('identity.nameLabel')}</span>
          <input
            className="field__input"
            name="displayName"
            value={name}
            onChange={(event) => setName(event.target.value)}
            maxLength={60}
            autoComplete="nickname"
            required
            autoFocus
          />
        </label>
        <button type="submit" className="button button--primary">
          {t('identity.submit')}
        </button>
      </form>
    </main>
  )
}
