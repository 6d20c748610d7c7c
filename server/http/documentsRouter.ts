import { Router, type Request } from 'express'
import type * as Y from 'yjs'
import type { DocumentProgress } from '@qalam/shared/model'
import type { SegmentationStore } from '../segmentation/index.ts'
import { resolveExportPolicy, storeDocument } from '../documents/index.ts'
import { exportPolicyQuery } from './exportPolicySchemas.ts'
import type { DocumentStore, DocumentSummary } from '../storage/index.ts'
import { attachmentDisposition } from './contentDisposition.ts'
import { ENCODINGS } from '../encoding/index.ts'
import { ownBuffer } from '../workers/index.ts'
import { isExportFormat } from '@qalam/shared/model'
import { EXPORT_FILES } from '../formats/index.ts'
import { loadMarkupOriginal, requireOwnHtmlEncoding } from './markupDocuments.ts'
import type { AuditLog } from '../audit/index.ts'
import { DELETED_RETENTION_MS, type ActingRole } from '@qalam/shared/workflow'
import type { AuthStore, User } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import type { MatchLookup, TranslationMemoryStore } from '../tm/index.ts'
import { requireDocumentRole, requirePermission, requireProjectRole } from './access.ts'
import { withUsernames } from './auditEntries.ts'
import { ExportError, ImportError, NotFoundError } from './errors.ts'
import { progressParams, type ImportQueue } from './importQueue.ts'
import { prefillImport } from './prefillImport.ts'
import { jsonBody } from './jsonBody.ts'
import type { LiveAccess } from './liveAccess.ts'
import { requireDistinctLanguages, requireLanguage, titleFromFileName } from './importFields.ts'
import { parseInput } from './parseInput.ts'
import { readUpload } from './readUpload.ts'
import { exportInSlot, exportSourceOf } from './exportInSlot.ts'
import { loadDocxOriginal, requireNoEncoding } from './docxDocuments.ts'
import { requireImportFormat, requireOwnXmlEncoding } from './xliffDocuments.ts'
import {
  documentBinQuery,
  documentListQuery,
  renameDocumentRequest,
  segmentAuditParams,
} from './projectSchemas.ts'
import {
  documentParams,
  exportQuery,
  importFields,
  previewFields,
  projectField,
} from './schemas.ts'
import { requireUser } from './session.ts'

/** What the API needs from the open rooms: their live state, which is ahead of the store's. */
export interface LiveDocuments {
  liveProgress(documentId: string): DocumentProgress | undefined
  liveDocument(documentId: string): Y.Doc | undefined
}

export interface DocumentsRouterOptions {
  segmentation: SegmentationStore
  store: DocumentStore
  auth: AuthStore
  audit: AuditLog
  live: LiveDocuments
  access: LiveAccess
  maxUploadBytes: number
  /** The worker pool's slots: decoding, segmenting and building a document run there. */
  imports: ImportQueue
  tm: TranslationMemoryStore
  lookup: MatchLookup
  log: Logger
}

/** A document as the API shows it to one user: with its project and that user's role there. */
export type DocumentView = DocumentSummary & { projectId: string; role: ActingRole }

const PREVIEW_LINES = 8
const PREVIEW_LINE_CHARS = 300

/** `/api/documents`: import, list, read one, export; rename, delete, the bin and restore. */
export function documentsRouter(options: DocumentsRouterOptions): Router {
  const {
    store,
    auth,
    audit,
    live,
    access: liveAccess,
    maxUploadBytes,
    segmentation,
    imports,
  } = options
  const router = Router()

  const view = (
    summary: DocumentSummary,
    access: { projectId: string; role: ActingRole },
  ): DocumentView => ({
    ...summary,
    progress: live.liveProgress(summary.id) ?? summary.progress,
    projectId: access.projectId,
    role: access.role,
  })

  /** The document, if it exists and the user is in its project; 404 alike otherwise. */
  const requireDocument = async (request: Request): Promise<DocumentView> => {
    const user = requireUser(request)
    const { id } = parseInput(documentParams, request.params)
    const access = await requireDocumentRole(auth, user, id)
    const summary = await store.getDocument(id)
    if (!summary) throw new NotFoundError('document.not_found', `No document ${id}.`)
    return view(summary, access)
  }

  /** Documents of the projects the user acts in, each with the role they act in it. */
  const listVisible = async (
    user: User,
    projectId: string | undefined,
  ): Promise<DocumentView[]> => {
    const projects: Array<{ id: string; role: ActingRole }> = []
    if (projectId !== undefined) {
      projects.push({ id: projectId, role: await requireProjectRole(auth, user, projectId) })
    } else if (user.isAdmin) {
      for (const project of await auth.listProjects())
        projects.push({ id: project.id, role: 'admin' })
    } else {
      projects.push(...(await auth.listProjectsForUser(user.id)))
    }
    const access = new Map<string, { projectId: string; role: ActingRole }>()
    for (const project of projects) {
      for (const documentId of await auth.listProjectDocuments(project.id)) {
        access.set(documentId, { projectId: project.id, role: project.role })
      }
    }
    const documents = await store.listDocuments()
    return documents.flatMap((summary) => {
      const granted = access.get(summary.id)
      return granted ? [view(summary, granted)] : []
    })
  }

  // The slot is taken before the upload is read: when every one is taken the answer is an
  // immediate 503, and no more bodies are held than the pool has slots.
  router.post('/', async (request, response) => {
    const user = requireUser(request)
    const created = await imports.withSlot(request, response, user, async (slot) => {
      const upload = await readUpload(request, maxUploadBytes)
      const { projectId } = parseInput(projectField, upload.fields)
      requirePermission(await requireProjectRole(auth, user, projectId), 'import')
      const file = upload.files.file
      if (!file) throw new ImportError('import.missing_file', 'No file was uploaded.')
      const fields = parseInput(importFields, upload.fields)
      const sourceLang = requireLanguage(fields.sourceLang, 'source language')
      const targetLang = requireLanguage(fields.targetLang, 'target language')
      // The format is read from the content's first few kilobytes; everything else is the job's.
      const format = requireImportFormat(file.bytes, fields.format)
      const title = fields.title || titleFromFileName(file.name) || 'Untitled'
      const now = Date.now()
      const isXliff = format === 'xliff12' || format === 'xliff20'
      if (format === 'docx') requireNoEncoding(fields.encoding)
      else if (isXliff) requireOwnXmlEncoding(file.bytes, fields.encoding)
      else requireDistinctLanguages(sourceLang, targetLang, fields.sameLanguage)
      if (format === 'html') requireOwnHtmlEncoding(file.bytes, fields.encoding)
      // Moved to the worker, not copied: the main thread keeps no copy of a 20 MB body.
      const { bytes, buffer } = ownBuffer(file.bytes)
      if (format === 'docx') {
        // Opened, checked (zip limits, macros, tracked changes), segmented and built in the
        // worker; the original is stored with the document for the export to write into.
        const docx = await slot.run(
          'importDocx',
          {
            bytes,
            fileName: file.name,
            title,
            sourceLang,
            targetLang,
            sameLanguage: fields.sameLanguage,
            rules: await segmentation.load(projectId),
            trackedChanges: fields.trackedChanges ?? 'refuse',
            languageConfirmed: fields.languageConfirmed,
            now,
          },
          { transfer: [buffer] },
        )
        const heading = { title, sourceLang, targetLang, original: docx.original }
        const summary = await storeDocument(store, heading, docx, now)
        const prefill = await prefillImport(
          options,
          { projectId, documentId: summary.id, userId: user.id },
          slot,
        )
        await auth.addDocumentToProject(projectId, summary.id)
        return { summary, segments: docx.segments, prefill }
      }
      if (isXliff) {
        // Parsed, checked and built in the worker; the file's own languages come back with it,
        // and the original file is stored with the document for an export into it.
        const xliff = await slot.run(
          'importXliff',
          {
            bytes,
            format,
            fileName: file.name,
            title,
            sourceLang,
            targetLang,
            sameLanguage: fields.sameLanguage,
            now,
          },
          { transfer: [buffer] },
        )
        const heading = {
          title,
          sourceLang: xliff.sourceLang,
          targetLang: xliff.targetLang,
          original: xliff.original,
        }
        const summary = await storeDocument(store, heading, xliff, now)
        const prefill = await prefillImport(
          options,
          { projectId, documentId: summary.id, userId: user.id },
          slot,
        )
        await auth.addDocumentToProject(projectId, summary.id)
        return { summary, segments: xliff.segments, prefill }
      }
      if (format === 'html' || format === 'md') {
        // Read, segmented and built in the worker; the file is kept for the export into it.
        const markup = await slot.run(
          'importMarkup',
          {
            bytes,
            format,
            fileName: file.name,
            title,
            sourceLang,
            targetLang,
            encoding: fields.encoding,
            rules: await segmentation.load(projectId),
            languageConfirmed: fields.languageConfirmed,
            now,
          },
          { transfer: [buffer] },
        )
        const heading = { title, sourceLang, targetLang, original: markup.original }
        const summary = await storeDocument(store, heading, markup, now)
        const prefill = await prefillImport(
          options,
          { projectId, documentId: summary.id, userId: user.id },
          slot,
        )
        await auth.addDocumentToProject(projectId, summary.id)
        return { summary, segments: markup.segments, prefill }
      }
      const built = await slot.run(
        'importText',
        {
          bytes,
          encoding: fields.encoding,
          title,
          sourceLang,
          targetLang,
          // The project's SRX file and exceptions decide the sentences, as the manager set them.
          rules: await segmentation.load(projectId),
          languageConfirmed: fields.languageConfirmed,
          now,
        },
        { transfer: [buffer] },
      )
      const summary = await storeDocument(store, { title, sourceLang, targetLang }, built, now)
      const prefill = await prefillImport(
        options,
        { projectId, documentId: summary.id, userId: user.id },
        slot,
      )
      // Linked after it is stored: a failure in between leaves a document nobody can see,
      // never a project listing a document that does not exist.
      await auth.addDocumentToProject(projectId, summary.id)
      return { summary, segments: built.segments, prefill }
    })
    response.status(201).json({
      id: created.summary.id,
      title: created.summary.title,
      sourceLang: created.summary.sourceLang,
      targetLang: created.summary.targetLang,
      segments: created.segments,
      // How many segments were filled from the memories; absent when the project does not.
      ...(created.prefill === null ? {} : { prefill: created.prefill }),
    })
  })

  // Where an upload sent with `?progress=ID` is: receiving, queued (with its place), running.
  router.get('/imports/:progress', (request, response) => {
    const user = requireUser(request)
    const { progress } = parseInput(progressParams, request.params)
    response.json(imports.state(user, progress))
  })

  // Step one of an import: what the file looks like in the detected (or a chosen) encoding.
  // Stores nothing; the import then names the encoding the user confirmed.
  router.post('/preview', async (request, response) => {
    const user = requireUser(request)
    const preview = await imports.withSlot(request, response, user, async (slot) => {
      const upload = await readUpload(request, maxUploadBytes)
      const { projectId, encoding } = parseInput(previewFields, upload.fields)
      requirePermission(await requireProjectRole(auth, user, projectId), 'import')
      const file = upload.files.file
      if (!file) throw new ImportError('import.missing_file', 'No file was uploaded.')
      const { bytes, buffer } = ownBuffer(file.bytes)
      const input = { bytes, encoding, maxLines: PREVIEW_LINES, maxLineChars: PREVIEW_LINE_CHARS }
      return slot.run('previewText', input, { transfer: [buffer] })
    })
    // A text file's encoding can be picked among these; an XLIFF file's is its own.
    response.json(preview.format === 'txt' ? { ...preview, encodings: ENCODINGS } : preview)
  })

  router.get('/', async (request, response) => {
    const user = requireUser(request)
    const { projectId } = parseInput(documentListQuery, request.query)
    response.json({ documents: await listVisible(user, projectId) })
  })

  // Before `/:id`, which would take "deleted" for an id.
  router.get('/deleted', async (request, response) => {
    const user = requireUser(request)
    const { projectId } = parseInput(documentBinQuery, request.query)
    requirePermission(await requireProjectRole(auth, user, projectId), 'manageDocuments')
    const deleted = await store.listDeletedDocuments(await auth.listProjectDocuments(projectId))
    response.json({
      documents: deleted.map((document) => ({
        id: document.id,
        title: document.title,
        sourceLang: document.sourceLang,
        targetLang: document.targetLang,
        deletedAt: document.deletedAt,
        purgeAt: document.deletedAt + DELETED_RETENTION_MS,
      })),
    })
  })

  router.get('/:id', async (request, response) => {
    response.json(await requireDocument(request))
  })

  router.patch('/:id', jsonBody(), async (request, response) => {
    const document = await requireDocument(request)
    requirePermission(document.role, 'manageDocuments')
    const { title } = parseInput(renameDocumentRequest, request.body)
    if (title !== document.title) {
      await store.renameDocument(document.id, title)
      await audit.append({
        userId: requireUser(request).id,
        projectId: document.projectId,
        documentId: document.id,
        action: 'document.rename',
        detail: { from: document.title, to: title },
      })
    }
    response.json({ ...document, title })
  })

  router.delete('/:id', async (request, response) => {
    const document = await requireDocument(request)
    requirePermission(document.role, 'manageDocuments')
    await store.deleteDocument(document.id)
    await audit.append({
      userId: requireUser(request).id,
      projectId: document.projectId,
      documentId: document.id,
      action: 'document.delete',
      detail: { title: document.title },
    })
    liveAccess.closeDocument(document.id)
    response.status(204).end()
  })

  router.post('/:id/restore', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(documentParams, request.params)
    const { projectId, role } = await requireDocumentRole(auth, user, id)
    requirePermission(role, 'manageDocuments')
    if (!(await store.restoreDocument(id))) {
      throw new NotFoundError('document.not_found', `No deleted document ${id}.`)
    }
    const restored = await store.getDocument(id)
    if (!restored) throw new NotFoundError('document.not_found', `No document ${id}.`)
    await audit.append({
      userId: user.id,
      projectId,
      documentId: id,
      action: 'document.restore',
      detail: { title: restored.title },
    })
    response.json(view(restored, { projectId, role }))
  })

  router.get('/:id/segments/:segmentId/audit', async (request, response) => {
    const user = requireUser(request)
    const { id, segmentId } = parseInput(segmentAuditParams, request.params)
    await requireDocumentRole(auth, user, id)
    const page = await audit.listForSegment(id, segmentId, { limit: 500 })
    response.json({ entries: await withUsernames(auth, page.entries) })
  })

  router.get('/:id/export', async (request, response) => {
    const summary = await requireDocument(request)
    requirePermission(summary.role, 'export')
    const { format, encoding: asked } = parseInput(exportQuery, request.query)
    const askedPolicy = parseInput(exportPolicyQuery, request.query)
    if (!isExportFormat(format)) {
      throw new ExportError('export.unknown_format', `Unknown export format: ${format}`)
    }
    if (format !== 'txt' && asked !== undefined && asked !== 'original') {
      // XLIFF and HTML are written in the encoding their file declares (the original's, or
      // UTF-8 for a new file), Markdown in its original's, DOCX in UTF-8 like every Word
      // file: re-encoding would break that.
      throw new ExportError(
        'export.encoding_not_applicable',
        `A ${format} export is written in its file's own encoding; encoding=${asked} applies to txt only.`,
      )
    }
    const { policy } = await resolveExportPolicy(auth, summary.projectId, askedPolicy)
    const served = EXPORT_FILES[format]
    const send = (bytes: Uint8Array, fileName: string, untranslated: number, charset = '') => {
      response
        .status(200)
        .set({
          'Content-Type': `${served.mediaType}${charset}`,
          'Content-Disposition': attachmentDisposition(fileName),
          'X-Untranslated-Segments': String(untranslated),
          'X-Export-Scope': policy.scope,
        })
        // A view of the bytes, not a copy: an exported file may be tens of megabytes.
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    }
    const newName = `${summary.title}.${summary.targetLang}.${served.extension}`
    const original =
      format === 'docx'
        ? await loadDocxOriginal(store, summary.id)
        : format === 'html' || format === 'md'
          ? await loadMarkupOriginal(store, summary.id, format)
          : format === 'xliff12' || format === 'xliff20'
            ? await store.loadOriginal(summary.id)
            : null
    const source = await exportSourceOf(
      { store, liveDocument: (id) => live.liveDocument(id) },
      summary.id,
    )
    const written = await imports.withExportSlot(request, response, requireUser(request), (slot) =>
      exportInSlot(slot, source, {
        format,
        policy,
        original,
        ...(format === 'txt' ? { encoding: asked ?? 'utf-8' } : {}),
      }),
    )
    const charset = written.encoding ? `; charset=${written.encoding}` : ''
    send(written.bytes, written.fileName ?? newName, written.untranslated, charset)
  })

  return router
}
