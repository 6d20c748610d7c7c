import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  DEFAULT_EXPORT_POLICY,
  EXPORT_FALLBACKS,
  EXPORT_SCOPES,
  isExportFallback,
  isExportScope,
  type ExportPolicy,
} from '@qalam/shared/export'
import { policyParams } from '../export/exportPolicyApi.ts'
import './preview.css'

/** Where the server renders the exported document as a page, under `policy`. */
export function previewUrl(documentId: string, policy: ExportPolicy, locale: string): string {
  const query = new URLSearchParams({ ...policyParams(policy), locale })
  return `/api/documents/${encodeURIComponent(documentId)}/preview?${query.toString()}`
}

const PREVIEW_LOCALES = ['en', 'ru', 'kk', 'ar']

const FALLBACK_LABELS = {
  source: 'exportPolicy.fallbackSource',
  empty: 'exportPolicy.fallbackEmpty',
  marked: 'exportPolicy.fallbackMarked',
} as const

/**
 * The exported document with its translation in place, before downloading it. The page is
 * framed in a sandbox (no scripts, no same origin) and the server sends it with a CSP that
 * allows nothing but its styles: a hostile document shows as text, never runs.
 */
export function PreviewButton({ documentId }: { documentId: string }) {
  const { t, i18n } = useTranslation()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [policy, setPolicy] = useState<ExportPolicy>(DEFAULT_EXPORT_POLICY)
  const [openings, setOpenings] = useState(0)
  const language = i18n.resolvedLanguage ?? 'en'
  const locale = PREVIEW_LOCALES.includes(language) ? language : 'en'
  const open = () => {
    setOpenings((count) => count + 1)
    dialogRef.current?.showModal()
  }
  return (
    <>
      <button type="button" className="button" onClick={open} data-testid="preview">
        {t('preview.button')}
      </button>
      <dialog
        ref={dialogRef}
        className="dialog preview-dialog"
        aria-labelledby="preview-title"
        data-testid="preview-dialog"
      >
        <div className="preview-dialog__bar">
          <h2 id="preview-title">{t('preview.title')}</h2>
          <label>
            {t('exportPolicy.scope')}{' '}
            <select
              value={policy.scope}
              data-testid="preview-scope"
              onChange={(event) => {
                const scope = event.currentTarget.value
                if (isExportScope(scope)) setPolicy({ ...policy, scope })
              }}
            >
              {EXPORT_SCOPES.map((scope) => (
                <option key={scope} value={scope}>
                  {t(scope === 'all' ? 'exportPolicy.scopeAll' : 'exportPolicy.scopeApproved')}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('exportPolicy.fallback')}{' '}
            <select
              value={policy.fallback}
              data-testid="preview-fallback"
              onChange={(event) => {
                const fallback = event.currentTarget.value
                if (isExportFallback(fallback)) setPolicy({ ...policy, fallback })
              }}
            >
              {EXPORT_FALLBACKS.map((fallback) => (
                <option key={fallback} value={fallback}>
                  {t(FALLBACK_LABELS[fallback])}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dialogRef.current?.close()}
          >
            {t('preview.close')}
          </button>
        </div>
        {openings > 0 && (
          <iframe
            key={openings}
            className="preview-dialog__frame"
            title={t('preview.frameTitle')}
            sandbox=""
            referrerPolicy="no-referrer"
            src={previewUrl(documentId, policy, locale)}
            data-testid="preview-frame"
          />
        )}
      </dialog>
    </>
  )
}
