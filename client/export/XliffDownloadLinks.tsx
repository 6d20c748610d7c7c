import { useTranslation } from 'react-i18next'
import type { DocumentFormat } from '@qalam/shared/model'
import { exportUrl } from './exportUrl.ts'

const XLIFF_FORMATS = ['xliff12', 'xliff20'] as const

/**
 * Downloads of the translation as XLIFF. A document imported from XLIFF gets its own file
 * back, targets written in and everything else untouched; the other version is a new file.
 */
export function XliffDownloadLinks({
  documentId,
  sourceFormat,
  onDownload,
}: {
  documentId: string
  sourceFormat: DocumentFormat
  onDownload: () => void
}) {
  const { t } = useTranslation()
  return (
    <p className="dialog__formats" data-testid="export-formats">
      <span>{t('formats.downloadAs')}</span>{' '}
      {XLIFF_FORMATS.map((format) => (
        <a
          key={format}
          className="button button--quiet"
          href={exportUrl(documentId, format)}
          download
          onClick={onDownload}
          data-testid={`export-${format}`}
        >
          {format === sourceFormat
            ? t('formats.original', { format: t(`formats.${format}`) })
            : t(`formats.${format}`)}
        </a>
      ))}
    </p>
  )
}
