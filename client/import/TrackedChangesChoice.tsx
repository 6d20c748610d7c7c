import { useTranslation } from 'react-i18next'
import './trackedChanges.css'

/**
 * Shown when the chosen DOCX has tracked changes: the import takes the text with all of them
 * accepted only when the user ticks this; otherwise the server refuses the file and says why.
 */
export function TrackedChangesChoice({
  accepted,
  onChange,
}: {
  accepted: boolean
  onChange: (accepted: boolean) => void
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="import-form__tracked" data-testid="import-tracked-changes">
      <legend>{t('formats.docxTracked')}</legend>
      <label>
        <input
          type="checkbox"
          checked={accepted}
          onChange={(event) => onChange(event.target.checked)}
          data-testid="import-accept-tracked"
        />{' '}
        {t('formats.docxAcceptTracked')}
      </label>
    </fieldset>
  )
}
