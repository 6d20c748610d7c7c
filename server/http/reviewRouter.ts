import { Router, type Request } from 'express'
import type * as Y from 'yjs'
import { exportedText } from '@qalam/shared/export'
import {
  DOCX_CONTENT_TYPE,
  renderTextPreview,
  reviewTableOf,
  writeReviewDocx,
  writeReviewHtml,
} from '@qalam/shared/formats'
import { SERVER_ORIGIN, readMeta, readSegments } from '@qalam/shared/model'
import type { AuthStore } from '../auth/index.ts'
import {
  applyReviewRows,
  loadForExport,
  resolveExportPolicy,
  type ReviewImportReport,
} from '../documents/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { ownBuffer } from '../workers/index.ts'
import { requireDocumentRole, requirePermission } from './access.ts'
import { attachmentDisposition } from './contentDisposition.ts'
import { loadDocxOriginal } from './docxDocuments.ts'
import { exportDocxInSlot } from './exportInSlot.ts'
import type { LiveDocuments } from './documentsRouter.ts'
import { ImportError, NotFoundError, ReviewImportError } from './errors.ts'
import { exportPolicyQuery } from './exportPolicySchemas.ts'
import type { ImportQueue } from './importQueue.ts'
import { parseInput } from './parseInput.ts'
import { readUpload } from './readUpload.ts'
import { isReviewFormat, previewQuery, reviewExportQuery } from './reviewSchemas.ts'
import { documentParams } from './schemas.ts'
import { requireUser } from './session.ts'

/** What review needs of the open rooms besides reading them: a change of the server's own. */
export interface ServerChanges {
  changeAsServer<T>(documentId: string, change: (doc: Y.Doc) => T): Promise<T | null>
}

export interface ReviewRouterOptions {
  auth: AuthStore
  store: DocumentStore
  live: LiveDocuments & ServerChanges
  maxUploadBytes: number
  imports: ImportQueue
}

/*
 * Allows the preview page nothing but its own inline styles and data: images: no scripts, no
 * requests, no forms, no plugins; framed only by our own page, which adds a sandbox.
 */
const PREVIEW_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
  'sandbox',
].join('; ')

/**
 * `/api/documents/:id/…` for review: the bilingual review table export (`format=review-docx`
 * or `review-html`), the re-import of an edited review DOCX as suggestions, and the preview
 * of the exported document. Mounted before the documents router, whose export it leaves
 * every other format to.
 */
export function reviewRouter(options: ReviewRouterOptions): Router {
  const { auth, store, live, maxUploadBytes, imports } = options
  const router = Router()

  const documentFor = async (request: Request, action: 'export' | 'import') => {
    const user = requireUser(request)
    const { id } = parseInput(documentParams, request.params)
    const { projectId, role } = await requireDocumentRole(auth, user, id)
    requirePermission(role, action)
    return { user, id, projectId }
  }

  const loadDocument = async (id: string): Promise<Y.Doc> => {
    const doc = await loadForExport({ store, liveDocument: (each) => live.liveDocument(each) }, id)
    if (!doc) throw new NotFoundError('document.not_found', `No document ${id}.`)
    return doc
  }

  router.get('/:id/export', async (request, response, next) => {
    if (!isReviewFormat(request.query.format)) {
      next()
      return
    }
    const { id } = await documentFor(request, 'export')
    const { format, locale } = parseInput(reviewExportQuery, request.query)
    const doc = await loadDocument(id)
    const meta = readMeta(doc)
    const table = reviewTableOf(id, meta, readSegments(doc), Date.now())
    const name = `${meta.title}.${meta.targetLang}.review`
    if (format === 'review-docx') {
      response
        .status(200)
        .set({
          'Content-Type': DOCX_CONTENT_TYPE,
          'Content-Disposition': attachmentDisposition(`${name}.docx`),
        })
        .send(Buffer.from(writeReviewDocx(table, locale)))
      return
    }
    response
      .status(200)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Disposition': attachmentDisposition(`${name}.html`),
      })
      .send(writeReviewHtml(table, locale))
  })

  // The slot is taken before the upload is read, as for imports: reading the table runs in
  // the worker pool, and every slot taken means an immediate 503.
  router.post('/:id/review-import', async (request, response) => {
    const report = await imports.withSlot(request, response, requireUser(request), async (slot) => {
      const { user, id } = await documentFor(request, 'import')
      const upload = await readUpload(request, maxUploadBytes)
      const file = upload.files.file
      if (!file) throw new ImportError('import.missing_file', 'No file was uploaded.')
      const { bytes, buffer } = ownBuffer(file.bytes)
      const read = await slot.run('readReviewTable', { bytes }, { transfer: [buffer] })
      if (read.documentId !== id) {
        throw new ReviewImportError(
          'review.other_document',
          'The review table was made from another document.',
        )
      }
      const applied: ReviewImportReport | null = await live.changeAsServer(id, (doc) =>
        applyReviewRows(doc, read, user.id, Date.now(), SERVER_ORIGIN),
      )
      if (!applied) throw new NotFoundError('document.not_found', `No document ${id}.`)
      // Nothing was written when no row matched: applyReviewRows adds only matched rows.
      if (applied.matched === 0) {
        throw new ReviewImportError(
          'review.no_matching_rows',
          'No row of the table names a segment of this document.',
        )
      }
      return { ...applied, rowsWithoutKey: read.rowsWithoutKey }
    })
    response.json(report)
  })

  router.get('/:id/preview', async (request, response) => {
    const { id, projectId } = await documentFor(request, 'export')
    const { locale } = parseInput(previewQuery, request.query)
    const asked = parseInput(exportPolicyQuery, request.query)
    const { policy } = await resolveExportPolicy(auth, projectId, asked)
    const doc = await loadDocument(id)
    const meta = readMeta(doc)
    let html: string
    if (meta.sourceFormat === 'docx') {
      // The DOCX is written into its original and rendered in one worker slot: both take
      // seconds of CPU on a long document.
      const original = await loadDocxOriginal(store, id)
      html = await imports.withExportSlot(request, response, requireUser(request), async (slot) => {
        // The document in hand (the open room's, or replayed for the metadata above) is read
        // here: the worker gets its export view, never a second Y.Doc.
        const docx = await exportDocxInSlot(slot, { live: doc }, original, policy)
        const { bytes, buffer: exported } = ownBuffer(docx.bytes)
        const render = { bytes, title: meta.title, lang: meta.targetLang, locale }
        return (await slot.run('renderDocxPreview', render, { transfer: [exported] })).html
      })
    } else {
      html = renderTextPreview(meta.title, meta.targetLang, previewParagraphs(doc, policy))
    }
    response
      .status(200)
      .set({
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': PREVIEW_SECURITY_POLICY,
        'X-Frame-Options': 'SAMEORIGIN',
        'Cache-Control': 'no-store',
      })
      .send(html)
  })

  return router
}

/** The exported text of each paragraph in reading order: segments joined with their gaps. */
function previewParagraphs(doc: Y.Doc, policy: Parameters<typeof exportedText>[1]): string[] {
  const paragraphs: string[] = []
  let current: number | null = null
  for (const segment of readSegments(doc)) {
    const text = exportedText(segment, policy)
    if (segment.paragraph !== current) {
      paragraphs.push(text)
      current = segment.paragraph
    } else {
      paragraphs[paragraphs.length - 1] += segment.before + text
    }
  }
  return paragraphs
}
