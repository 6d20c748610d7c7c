import { useTranslation } from 'react-i18next'
import type { Encoding } from '@qalam/shared/api'

/** The label of an encoding in the interface language, e.g. "Windows-1251 (Cyrillic)". */
export function useEncodingName(): (encoding: Encoding) => string {
  const { t } = useTranslation()
  return (encoding) => t(`encoding.names.${encoding}`)
}

export interface EncodingOption<Value extends string> {
  value: Value
  label: string
}

/** A labelled select of encodings; `value` null shows an empty choice until one is made. */
export function EncodingSelect<Value extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string
  label: string
  value: Value | null
  options: ReadonlyArray<EncodingOption<Value>>
  onChange: (value: Value) => void
}) {
  return (
    <div className="encoding-select">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__input"
        value={value ?? ''}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.target.value)
          if (chosen) onChange(chosen.value)
        }}
      >
        {value === null && <option value="" disabled />}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
