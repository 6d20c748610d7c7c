import { Router, type Request } from 'express'
import type * as Y from 'yjs'
import { DEFAULT_EXPORT_POLICY, exportedText } from '@qalam/shared/export'
import { DOCX_CONTENT_TYPE, renderTextPreview } from '@qalam/shared/formats'
import { SERVER_ORIGIN, type ExportedSegment } from '@qalam/shared/model'
import type { AuthStore } from '../auth/index.ts'
import {
  applyReviewRows,
  resolveExportPolicy,
  type ReviewImportReport,
} from '../documents/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { ownBuffer } from '../workers/index.ts'
import { requireDocumentRole, requirePermission } from './access.ts'
import { attachmentDisposition } from './contentDisposition.ts'
import { exportInSlot, exportSourceOf, readExportView } from './exportInSlot.ts'
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

  const sources = { store, liveDocument: (documentId: string) => live.liveDocument(documentId) }
  /** The document's heading as the list shows it: exported files are named after it. */
  const summaryOf = async (id: string) => {
    const summary = await store.getDocument(id)
    if (!summary) throw new NotFoundError('document.not_found', `No document ${id}.`)
    return summary
  }

  router.get('/:id/export', async (request, response, next) => {
    if (!isReviewFormat(request.query.format)) {
      next()
      return
    }
    const { id } = await documentFor(request, 'export')
    const { format, locale } = parseInput(reviewExportQuery, request.query)
    const summary = await summaryOf(id)
    const source = await exportSourceOf(sources, id)
    // Written in the worker pool: a 10,000-row table takes seconds of CPU.
    const written = await imports.withExportSlot(request, response, requireUser(request), (slot) =>
      exportInSlot(slot, source, {
        format,
        policy: DEFAULT_EXPORT_POLICY,
        original: null,
        review: { locale, documentId: id, now: Date.now() },
      }),
    )
    const name = `${summary.title}.${summary.targetLang}.review`
    response
      .status(200)
      .set(
        format === 'review-docx'
          ? {
              'Content-Type': DOCX_CONTENT_TYPE,
              'Content-Disposition': attachmentDisposition(`${name}.docx`),
            }
          : {
              'Content-Type': 'text/html; charset=utf-8',
              'Content-Disposition': attachmentDisposition(`${name}.html`),
            },
      )
      .send(Buffer.from(written.bytes.buffer, written.bytes.byteOffset, written.bytes.byteLength))
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
    const source = await exportSourceOf(sources, id)
    const original = await store.loadOriginal(id)
    const user = requireUser(request)
    let html: string
    if (original?.format === 'docx') {
      // The DOCX is written into its original and rendered in one worker slot: both take
      // seconds of CPU on a long document.
      const summary = await summaryOf(id)
      html = await imports.withExportSlot(request, response, user, async (slot) => {
        const docx = await exportInSlot(slot, source, { format: 'docx', policy, original })
        const { bytes, buffer: exported } = ownBuffer(docx.bytes)
        const render = { bytes, title: summary.title, lang: summary.targetLang, locale }
        return (await slot.run('renderDocxPreview', render, { transfer: [exported] })).html
      })
    } else {
      const view = await readExportView(source, (work) =>
        imports.withExportSlot(request, response, user, work),
      )
      const { title, targetLang } = view.meta
      html = renderTextPreview(title, targetLang, previewParagraphs(view.segments, policy))
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
function previewParagraphs(
  segments: readonly ExportedSegment[],
  policy: Parameters<typeof exportedText>[1],
): string[] {
  const paragraphs: string[] = []
  let current: number | null = null
  for (const segment of segments) {
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
