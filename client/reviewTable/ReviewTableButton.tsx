import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { requestFile } from '../http/requestJson.ts'
import { saveFile } from '../export/saveFile.ts'
import { useFormatter } from '../i18n/formatting.ts'
import {
  reviewTableUrl,
  uploadReviewTable,
  type ReviewImportReport,
  type ReviewTableFormat,
} from './reviewTableApi.ts'
import './reviewTable.css'

const REVIEW_LOCALES = ['en', 'ru', 'kk', 'ar']

type ReportLine =
  'matched' | 'changed' | 'unchanged' | 'lockedSkipped' | 'unknownIds' | 'duplicates'

/**
 * The bilingual review table: download it (DOCX for a word processor, HTML for a browser),
 * and send back a DOCX a reviewer edited, whose changed translations arrive as suggestions the
 * translators accept or dismiss. The upload's report says what was matched and what was not.
 */
export function ReviewTableButton({ documentId }: { documentId: string }) {
  const { t, i18n } = useTranslation()
  const format = useFormatter()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [error, setError] = useState<unknown>(null)
  const [isBusy, setBusy] = useState(false)
  const [report, setReport] = useState<ReviewImportReport | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const language = i18n.resolvedLanguage ?? 'en'
  const locale = REVIEW_LOCALES.includes(language) ? language : 'en'

  const open = () => {
    setError(null)
    setReport(null)
    setFile(null)
    dialogRef.current?.showModal()
  }
  const download = async (chosen: ReviewTableFormat) => {
    setError(null)
    try {
      const received = await requestFile(reviewTableUrl(documentId, chosen, locale))
      saveFile(
        received.blob,
        received.fileName ?? `review.${chosen === 'review-docx' ? 'docx' : 'html'}`,
      )
    } catch (failure) {
      setError(failure)
    }
  }
  const onUpload = async (event: FormEvent) => {
    event.preventDefault()
    if (file === null || isBusy) return
    setBusy(true)
    setError(null)
    setReport(null)
    try {
      setReport(await uploadReviewTable(documentId, file))
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const lines: Array<[ReportLine, number]> =
    report === null
      ? []
      : [
          ['matched', report.matched],
          ['changed', report.changed],
          ['unchanged', report.unchanged],
          ['lockedSkipped', report.lockedSkipped],
          ['unknownIds', report.unknownIds],
          ['duplicates', report.duplicates],
        ]
  return (
    <>
      <button type="button" className="button" onClick={open} data-testid="review-table">
        {t('reviewTable.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dialog review-table-dialog"
        aria-labelledby="review-table-title"
        data-testid="review-table-dialog"
      >
        <h2 id="review-table-title">{t('reviewTable.title')}</h2>
        <p>{t('reviewTable.explain')}</p>
        <div className="review-table-dialog__downloads">
          <a
            className="button"
            href={reviewTableUrl(documentId, 'review-docx', locale)}
            download
            data-testid="review-table-docx"
            onClick={(event) => {
              event.preventDefault()
              void download('review-docx')
            }}
          >
            {t('reviewTable.downloadDocx')}
          </a>
          <a
            className="button"
            href={reviewTableUrl(documentId, 'review-html', locale)}
            download
            data-testid="review-table-html"
            onClick={(event) => {
              event.preventDefault()
              void download('review-html')
            }}
          >
            {t('reviewTable.downloadHtml')}
          </a>
        </div>
        <form className="review-table-dialog__upload" onSubmit={(event) => void onUpload(event)}>
          <label htmlFor="review-table-file">{t('reviewTable.uploadLabel')}</label>
          <input
            id="review-table-file"
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            data-testid="review-table-file"
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={file === null || isBusy}
            data-testid="review-table-upload"
          >
            {isBusy ? t('reviewTable.uploading') : t('reviewTable.upload')}
          </button>
        </form>
        {report !== null && (
          <div
            className="review-table-dialog__report"
            role="status"
            data-testid="review-table-report"
          >
            <p>{t('reviewTable.report.summary', { value: format.number(report.added) })}</p>
            <ul>
              {lines.map(([key, value]) => (
                <li key={key} data-testid={`review-report-${key}`} data-count={value}>
                  {t(`reviewTable.report.${key}` as const, { value: format.number(value) })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {error !== null && <ErrorMessage error={error} testId="review-table-error" />}
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dialogRef.current?.close()}
          >
            {t('reviewTable.close')}
          </button>
        </div>
      </dialog>
    </>
  )
}
