import { useRef, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ENCODINGS, isEncoding } from '@qalam/shared/api'
import { DOCUMENT_FORMATS, type DocumentFormat } from '@qalam/shared/model'
import {
  EncodingSelect,
  useEncodingName,
  type EncodingOption,
} from '../encoding/EncodingSelect.tsx'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { useDocumentMeta } from '../grid/useSegmentStore.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { DEFAULT_EXPORT_POLICY, type ExportPolicy } from '@qalam/shared/export'
import { countUntranslated } from './countUntranslated.ts'
import { ExportReport } from './ExportReport.tsx'
import { exportUrl, type ExportChoice, type ExportEncoding } from './exportUrl.ts'
import { UnrepresentableReport } from './UnrepresentableReport.tsx'
import { unrepresentableDetailOf } from './unrepresentableDetail.ts'
import { useExportDownload } from './useExportDownload.ts'
import './export.css'

/**
 * Export: says how many segments will stay in the source language, lets the user choose the
 * format (plain text, XLIFF 1.2 or 2.0; a document imported from XLIFF gets its own file back by
 * default) and, for plain text, the file's encoding (UTF-8, the original one, or another), then
 * downloads; an encoding that cannot hold the translation is reported character by character
 * instead. XLIFF takes no encoding: it is written in the one its file declares.
 */
export function ExportButton({
  documentId,
  store,
  onGoToSegment,
}: {
  documentId: string
  store: SegmentStore
  /** Opens a segment the report names (0-based); the dialog closes first. */
  onGoToSegment: (index: number) => void
}) {
  const { t } = useTranslation()
  const name = useEncodingName()
  const meta = useDocumentMeta(store)
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [untranslated, setUntranslated] = useState(0)
  const sourceFormat = meta.sourceFormat ?? 'txt'
  const [format, setFormat] = useState<DocumentFormat>(sourceFormat)
  const [encoding, setEncoding] = useState<ExportEncoding>('utf-8')
  const [policy, setPolicy] = useState<ExportPolicy>(DEFAULT_EXPORT_POLICY)
  // Each opening remounts the report, which asks the server afresh.
  const [openings, setOpenings] = useState(0)
  const choice: ExportChoice = format === 'txt' ? { format, encoding } : { format }
  const extension = format === 'txt' ? 'txt' : format === 'docx' ? 'docx' : 'xlf'
  const fallbackName = `${meta.title}.${meta.targetLang}.${extension}`
  const { download, isDownloading, error, clearError } = useExportDownload(documentId, fallbackName)
  const original =
    isEncoding(meta.sourceEncoding) && meta.sourceEncoding !== 'utf-8' ? meta.sourceEncoding : null
  // UTF-8 first (the default), then the source's own encoding when it had another, then the rest.
  const options: Array<EncodingOption<ExportEncoding>> = [{ value: 'utf-8', label: name('utf-8') }]
  if (original !== null) {
    options.push({ value: 'original', label: t('export.original', { encoding: name(original) }) })
  }
  for (const other of ENCODINGS) {
    if (other !== 'utf-8') options.push({ value: other, label: name(other) })
  }
  // DOCX is written into the Word file the document came from: offered only when there is one.
  const formats = DOCUMENT_FORMATS.filter((value) => value !== 'docx' || sourceFormat === 'docx')
  const formatOptions = formats.map((value) => {
    const label = t(`formats.${value}`)
    return {
      value,
      label:
        value === sourceFormat && value !== 'txt'
          ? t('formats.original', { format: label })
          : label,
    }
  })
  const open = () => {
    setUntranslated(countUntranslated(store.length, (index) => store.segment(index)))
    setFormat(sourceFormat)
    clearError()
    setOpenings((count) => count + 1)
    dialogRef.current?.showModal()
  }
  const close = () => dialogRef.current?.close()
  const onDownload = async (event: MouseEvent) => {
    // The link stays a real download link (keyboard, context menu); a click fetches first.
    event.preventDefault()
    if (!isDownloading && (await download(choice, policy))) close()
  }
  const detail = unrepresentableDetailOf(error)
  return (
    <>
      <button type="button" className="button" onClick={open} data-testid="export">
        {t('export.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dialog export-dialog"
        aria-labelledby="export-title"
        data-testid="export-dialog"
      >
        <h2 id="export-title">{t('export.title')}</h2>
        <p data-testid="export-untranslated" data-count={untranslated}>
          {untranslated === 0
            ? t('export.allTranslated')
            : policy.fallback === 'source'
              ? t('export.untranslated', { count: untranslated })
              : t('exportPolicy.untranslated', { count: untranslated })}
        </p>
        {openings > 0 && (
          <ExportReport
            key={openings}
            documentId={documentId}
            policy={policy}
            onPolicyChange={(chosen) => {
              setPolicy(chosen)
              clearError()
            }}
            onGoToSegment={(index) => {
              close()
              onGoToSegment(index)
            }}
          />
        )}
        <EncodingSelect
          id="export-format"
          label={t('formats.format')}
          value={format}
          options={formatOptions}
          onChange={(chosen) => {
            setFormat(chosen)
            clearError()
          }}
        />
        {format === 'txt' ? (
          <EncodingSelect
            id="export-encoding"
            label={t('export.encoding')}
            value={encoding}
            options={options}
            onChange={(chosen) => {
              setEncoding(chosen)
              clearError()
            }}
          />
        ) : (
          <p className="export-dialog__note" data-testid="export-xliff-note">
            {format === sourceFormat ? t('formats.intoOriginal') : t('formats.newFile')}
          </p>
        )}
        {detail !== null ? (
          <UnrepresentableReport
            detail={detail}
            lang={meta.targetLang}
            onGoToSegment={(index) => {
              close()
              onGoToSegment(index)
            }}
          />
        ) : (
          error !== null && <ErrorMessage error={error} testId="export-error" />
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={close}>
            {t('export.cancel')}
          </button>
          <a
            className="button button--primary"
            href={exportUrl(documentId, choice, policy)}
            download
            aria-disabled={isDownloading}
            onClick={(event) => void onDownload(event)}
            data-testid="export-download"
          >
            {isDownloading ? t('encoding.downloading') : t('export.download')}
          </a>
        </div>
      </dialog>
    </>
  )
}
