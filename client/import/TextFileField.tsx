import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import './fileField.css'

/**
 * A labelled picker for one text file (plain text unless `accept` says otherwise); reports the
 * chosen file, or null when cleared. With `clearAfterChoice` the input forgets each file once
 * reported, so that choosing the same file again (corrected on disk) reports it again.
 * The native input stays (keyboard, screen readers, drag and drop onto it) but out of sight:
 * Chromium draws its button and "No file chosen" in the browser's language, not the
 * interface's, so our own button and file name stand in its place.
 */
export function TextFileField({
  id,
  name,
  label,
  onFile,
  accept = '.txt,text/plain',
  clearAfterChoice = false,
}: {
  id: string
  name: string
  label: string
  onFile: (file: File | null) => void
  /** The file types the picker offers (`accept`); plain text when absent. */
  accept?: string
  clearAfterChoice?: boolean
}) {
  const { t } = useTranslation()
  const [fileName, setFileName] = useState<string | null>(null)
  return (
    <div className="field">
      <span className="field__label" id={`${id}-label`}>
        {label}
      </span>
      <div className="file-field">
        <input
          id={id}
          name={name}
          type="file"
          className="file-field__input"
          accept={accept}
          aria-labelledby={`${id}-label ${id}-button`}
          onChange={(event) => {
            const file = event.target.files?.[0] ?? null
            if (clearAfterChoice) event.target.value = ''
            setFileName(file?.name ?? null)
            onFile(file)
          }}
        />
        <label htmlFor={id} className="button file-field__button" id={`${id}-button`}>
          {t('file.choose')}
        </label>
        <span
          className={
            fileName === null ? 'file-field__name file-field__name--none' : 'file-field__name'
          }
          data-testid={`${id}-name`}
          dir="auto"
        >
          {fileName ?? t('file.none')}
        </span>
      </div>
    </div>
  )
}
