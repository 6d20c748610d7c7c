import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OFFERED_LANGUAGES, SEGMENTED_LANGUAGES } from '../documents/languageLabel.ts'
import { languageName } from '@qalam/shared/text'

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
  const { t, i18n } = useTranslation()
  const tagId = useId()
  const listed: readonly string[] = [...OFFERED_LANGUAGES, ...SEGMENTED_LANGUAGES]
  const [isOther, setOther] = useState(() => value !== '' && !listed.includes(value))
  const more = SEGMENTED_LANGUAGES.map((tag) => ({ tag, name: languageName(tag, i18n.language) }))
  more.sort((a, b) => a.name.localeCompare(b.name, i18n.language))
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
        <optgroup label={t('import.moreLanguages')}>
          {more.map(({ tag, name }) => (
            <option key={tag} value={tag}>
              {name} ({tag})
            </option>
          ))}
        </optgroup>
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
