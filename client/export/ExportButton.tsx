import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { countUntranslated } from './countUntranslated.ts'
import { exportUrl } from './exportUrl.ts'
import { XliffDownloadLinks } from './XliffDownloadLinks.tsx'

/** Export: first says how many segments will stay in the source language, then downloads. */
export function ExportButton({ documentId, store }: { documentId: string; store: SegmentStore }) {
  const { t } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [untranslated, setUntranslated] = useState(0)
  const open = () => {
    setUntranslated(countUntranslated(store.length, (index) => store.segment(index)))
    dialogRef.current?.showModal()
  }
  const close = () => dialogRef.current?.close()
  return (
    <>
      <button type="button" className="button" onClick={open} data-testid="export">
        {t('export.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby="export-title"
        data-testid="export-dialog"
      >
        <h2 id="export-title">{t('export.title')}</h2>
        <p data-testid="export-untranslated" data-count={untranslated}>
          {untranslated === 0
            ? t('export.allTranslated')
            : t('export.untranslated', { count: untranslated })}
        </p>
        <XliffDownloadLinks
          documentId={documentId}
          sourceFormat={store.documentMeta.sourceFormat ?? 'txt'}
          onDownload={close}
        />
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={close}>
            {t('export.cancel')}
          </button>
          <a
            className="button button--primary"
            href={exportUrl(documentId)}
            download
            onClick={close}
          >
            {t('export.download')}
          </a>
        </div>
      </dialog>
    </>
  )
}
