import { useTranslation } from 'react-i18next'

/** The document title of an import; `dir="auto"` because titles come in any script. */
export function TitleField({
  id,
  value,
  placeholder,
  onChange,
}: {
  id: string
  value: string
  placeholder: string
  onChange: (title: string) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('import.titleLabel')}
      </label>
      <input
        id={id}
        name="title"
        className="field__input"
        value={value}
        placeholder={placeholder}
        onChange={(event) => onChange(event.target.value)}
        dir="auto"
      />
    </div>
  )
}
