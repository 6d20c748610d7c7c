import { useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'
import './importProgress.css'
import type { ImportProgress } from './importDocument.ts'

/**
 * The import's progress while the form waits: a bar filling with the upload, then the import's
 * place in the server's queue, then an indeterminate bar while the server segments the text.
 */
export function ImportProgressIndicator({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation()
  const format = useFormatter()
  const label =
    progress.phase === 'uploading'
      ? t('importProgress.uploading', { percent: format.percent(progress.share) })
      : progress.phase === 'queued'
        ? t('importProgress.queued', { position: format.number(progress.position) })
        : t('importProgress.processing')
  return (
    <div
      className="import-progress"
      role="status"
      data-testid="import-progress"
      data-phase={progress.phase}
    >
      {progress.phase === 'uploading' ? (
        <progress
          className="import-progress__bar"
          value={progress.share}
          max={1}
          aria-label={label}
        />
      ) : (
        <progress className="import-progress__bar" aria-label={label} />
      )}
      <span className="import-progress__label">{label}</span>
    </div>
  )
}
