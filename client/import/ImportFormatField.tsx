import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EncodingSelect } from '../encoding/EncodingSelect.tsx'
import { isTextImportFormat, TEXT_IMPORT_FORMATS, type TextImportFormat } from './importFormats.ts'

export interface ImportFormatControl {
  /** What the content proposes, when it is a text format (else nothing to choose). */
  proposed: TextImportFormat | null
  /** The format the import asks for: the user's choice, else the proposed one. */
  chosen: TextImportFormat | null
  choose: (format: TextImportFormat) => void
}

/**
 * The format a text file is read as: the one its content suggests until the user picks
 * another. A choice is kept for the file it was made for only.
 */
export function useImportFormat(detected: string | null): ImportFormatControl {
  const [choice, setChoice] = useState<{ for: string; format: TextImportFormat } | null>(null)
  const proposed = detected !== null && isTextImportFormat(detected) ? detected : null
  const chosen = proposed === null ? null : choice?.for === detected ? choice.format : proposed
  return {
    proposed,
    chosen,
    choose: (format) => {
      if (detected !== null) setChoice({ for: detected, format })
    },
  }
}

/** Plain text, Markdown or HTML: offered when the file is text, never for XLIFF. */
export function ImportFormatField({ control }: { control: ImportFormatControl }) {
  const { t } = useTranslation()
  if (control.proposed === null || control.chosen === null) return null
  return (
    <div className="import-form__format">
      <EncodingSelect
        id="import-format"
        label={t('formats.readAs')}
        value={control.chosen}
        options={TEXT_IMPORT_FORMATS.map((value) => ({ value, label: t(`formats.${value}`) }))}
        onChange={control.choose}
      />
      <p className="import-form__hint">{t('formats.readAsHint')}</p>
    </div>
  )
}
