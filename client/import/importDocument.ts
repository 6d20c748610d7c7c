import { z } from 'zod'
import { readJsonResponse, requestJson } from '../http/requestJson.ts'
import { sendForm } from '../http/sendForm.ts'

export interface ImportRequest {
  projectId: string
  file: File
  title: string
  sourceLang: string
  targetLang: string
  /** The user confirmed that source and target are meant to be the same language. */
  sameLanguage?: boolean
  /** The user confirmed the source language of a text the server found does not look like it. */
  languageConfirmed?: boolean
  /** The encoding the preview showed the file in; absent reads it as UTF-8. */
  encoding?: string | undefined
  /** The format chosen among those the content allows; absent takes what the content shows. */
  format?: string | undefined
  /** A DOCX with tracked changes: `accept` imports the text with them all accepted. */
  trackedChanges?: 'accept' | 'refuse' | undefined
}

const importedDocument = z.object({
  id: z.string(),
  title: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  segments: z.number(),
})

export type ImportedDocument = z.infer<typeof importedDocument>

/** Where an import is: its upload, then its place in the server's queue, then the work itself. */
export type ImportProgress =
  | { phase: 'uploading'; share: number }
  | { phase: 'queued'; position: number }
  | { phase: 'processing' }

/** What `GET /api/documents/imports/:id` answers about an upload sent with `?progress=id`. */
const serverPhase = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('receiving') }),
  z.object({ phase: z.literal('queued'), position: z.number().int().min(1) }),
  z.object({ phase: z.literal('running') }),
  z.object({ phase: z.literal('done') }),
])

/** How often the form asks where its import is, once the upload has left. */
const POLL_MS = 700

/**
 * A version 4 UUID from `getRandomValues`: `crypto.randomUUID` exists only in secure contexts,
 * and a library's workbench is often served over plain HTTP inside its network.
 */
function progressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-')
}

/** Asks where the import is until `isOver()`; an unknown id (the import just ended) stops it. */
async function followQueue(
  id: string,
  isOver: () => boolean,
  onProgress: (progress: ImportProgress) => void,
): Promise<void> {
  while (!isOver()) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
    if (isOver()) return
    let state: z.infer<typeof serverPhase>
    try {
      state = await requestJson(`/api/documents/imports/${id}`, serverPhase)
    } catch {
      // Answered 404 once the import has finished, or the network dropped: the upload's own
      // answer says what happened; the indicator keeps its last state until then.
      return
    }
    if (isOver()) return
    onProgress(
      state.phase === 'queued'
        ? { phase: 'queued', position: state.position }
        : { phase: 'processing' },
    )
  }
}

/**
 * Uploads a text file; the server segments it and answers with the new document. `onProgress`
 * hears the upload's share, then the import's place in the queue, then that it is processed.
 */
export async function importDocument(
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportedDocument> {
  const form = new FormData()
  form.set('projectId', request.projectId)
  // An empty title lets the server use the file name.
  if (request.title.trim() !== '') form.set('title', request.title.trim())
  form.set('sourceLang', request.sourceLang.trim())
  form.set('targetLang', request.targetLang.trim())
  if (request.sameLanguage) form.set('sameLanguage', 'true')
  if (request.languageConfirmed) form.set('languageConfirmed', 'true')
  if (request.encoding !== undefined) form.set('encoding', request.encoding)
  if (request.format !== undefined) form.set('format', request.format)
  if (request.trackedChanges !== undefined) form.set('trackedChanges', request.trackedChanges)
  // The file last: the server has the fields before it streams the file.
  form.set('file', request.file)
  const id = progressId()
  const url = `/api/documents?progress=${id}`
  let isOver = false
  onProgress({ phase: 'uploading', share: 0 })
  try {
    const response = await sendForm(url, form, {
      onProgress: (sent, total) => onProgress({ phase: 'uploading', share: sent / total }),
      onSent: () => {
        onProgress({ phase: 'processing' })
        void followQueue(id, () => isOver, onProgress)
      },
    })
    return await readJsonResponse(response, importedDocument, url)
  } finally {
    isOver = true
  }
}
