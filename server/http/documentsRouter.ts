import { Router, type Request } from 'express'
import type * as Y from 'yjs'
import type { DocumentProgress } from '@qalam/shared/model'
import { parsePlainText } from '@qalam/shared/formats'
import { createDocument, exportPlainText } from '../documents/index.ts'
import { replayDocument, type DocumentStore, type DocumentSummary } from '../storage/index.ts'
import { attachmentDisposition } from './contentDisposition.ts'
import { decodeTextFile } from './decodeTextFile.ts'
import { ExportError, ImportError, NotFoundError } from './errors.ts'
import { requireLanguage, titleFromFileName } from './importFields.ts'
import { parseInput } from './parseInput.ts'
import { readUpload } from './readUpload.ts'
import { documentParams, exportQuery, importFields } from './schemas.ts'

/** What the API needs from the open rooms: their live state, which is ahead of the store's. */
export interface LiveDocuments {
  liveProgress(documentId: string): DocumentProgress | undefined
  liveDocument(documentId: string): Y.Doc | undefined
}

export interface DocumentsRouterOptions {
  store: DocumentStore
  live: LiveDocuments
  maxUploadBytes: number
}

/** `/api/documents`: import, list, read one, export. */
export function documentsRouter({ store, live, maxUploadBytes }: DocumentsRouterOptions): Router {
  const router = Router()

  const withLiveProgress = (summary: DocumentSummary): DocumentSummary => ({
    ...summary,
    progress: live.liveProgress(summary.id) ?? summary.progress,
  })

  const requireDocument = async (request: Request): Promise<DocumentSummary> => {
    const { id } = parseInput(documentParams, request.params)
    const summary = await store.getDocument(id)
    if (!summary) throw new NotFoundError('document.not_found', `No document ${id}.`)
    return summary
  }

  router.post('/', async (request, response) => {
    const upload = await readUpload(request, maxUploadBytes)
    const file = upload.files.file
    if (!file) throw new ImportError('import.missing_file', 'No file was uploaded.')
    const fields = parseInput(importFields, upload.fields)
    const sourceLang = requireLanguage(fields.sourceLang, 'source language')
    const targetLang = requireLanguage(fields.targetLang, 'target language')
    const text = decodeTextFile(file.bytes)
    const parsed = parsePlainText(text, sourceLang)
    if (parsed.segments.length === 0) {
      throw new ImportError('import.no_segments', 'The file has no text to translate.')
    }
    const title = fields.title || titleFromFileName(file.name) || 'Untitled'
    const summary = await createDocument(store, { title, sourceLang, targetLang, parsed })
    response.status(201).json({
      id: summary.id,
      title: summary.title,
      sourceLang: summary.sourceLang,
      targetLang: summary.targetLang,
      segments: parsed.segments.length,
    })
  })

  router.get('/', async (_request, response) => {
    const documents = await store.listDocuments()
    response.json({ documents: documents.map(withLiveProgress) })
  })

  router.get('/:id', async (request, response) => {
    response.json(withLiveProgress(await requireDocument(request)))
  })

  router.get('/:id/export', async (request, response) => {
    const summary = await requireDocument(request)
    const { format } = parseInput(exportQuery, request.query)
    if (format !== 'txt') {
      throw new ExportError('export.unknown_format', `Unknown export format: ${format}`)
    }
    let doc = live.liveDocument(summary.id)
    if (!doc) {
      const stored = await store.loadDocument(summary.id)
      if (!stored) throw new NotFoundError('document.not_found', `No document ${summary.id}.`)
      doc = replayDocument(stored)
    }
    const { text, untranslated } = exportPlainText(doc)
    response
      .status(200)
      .set({
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Disposition': attachmentDisposition(`${summary.title}.${summary.targetLang}.txt`),
        'X-Untranslated-Segments': String(untranslated),
      })
      .send(text)
  })

  return router
}
