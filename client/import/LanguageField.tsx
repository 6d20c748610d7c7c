import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OFFERED_LANGUAGES } from '../documents/languageLabel.ts'

const OTHER = 'other'

/** A language select with the usual languages and a free BCP 47 tag for the rest. */
export function LanguageField({
  label,
  name,
  value,
  onChange,
}: {
  label: string
  name: string
  value: string
  onChange: (tag: string) => void
}) {
  const { t } = useTranslation()
  const tagId = useId()
  const [isOther, setOther] = useState(
    () => value !== '' && !(OFFERED_LANGUAGES as readonly string[]).includes(value),
  )
  return (
    <div className="field">
      <label className="field__label" htmlFor={`${tagId}-select`}>
        {label}
      </label>
      <select
        id={`${tagId}-select`}
        name={name}
        className="field__input"
        value={isOther ? OTHER : value}
        onChange={(event) => {
          const choice = event.target.value
          setOther(choice === OTHER)
          onChange(choice === OTHER ? '' : choice)
        }}
      >
        {OFFERED_LANGUAGES.map((tag) => (
          <option key={tag} value={tag}>
            {t(`languages.${tag}`)} ({tag})
          </option>
        ))}
        <option value={OTHER}>{t('languages.other')}</option>
      </select>
      {isOther && (
        <>
          <label className="visually-hidden" htmlFor={`${tagId}-tag`}>
            {t('import.customTag')}
          </label>
          <input
            id={`${tagId}-tag`}
            name={`${name}Tag`}
            className="field__input field__input--tag"
            dir="ltr"
            value={value}
            placeholder={t('import.customTagHint')}
            onChange={(event) => onChange(event.target.value)}
            required
            spellCheck={false}
          />
        </>
      )}
    </div>
  )
}
