import { z } from 'zod'
import { requestJson } from '../http/requestJson.ts'

export interface ImportRequest {
  projectId: string
  file: File
  title: string
  sourceLang: string
  targetLang: string
  /** The user confirmed that source and target are meant to be the same language. */
  sameLanguage?: boolean
  /** The encoding the preview showed the file in; absent reads it as UTF-8. */
  encoding?: string | undefined
}

const importedDocument = z.object({
  id: z.string(),
  title: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  segments: z.number(),
})

export type ImportedDocument = z.infer<typeof importedDocument>

/** Uploads a text file; the server segments it and answers with the new document. */
export async function importDocument(request: ImportRequest): Promise<ImportedDocument> {
  const form = new FormData()
  form.set('projectId', request.projectId)
  form.set('file', request.file)
  // An empty title lets the server use the file name.
  if (request.title.trim() !== '') form.set('title', request.title.trim())
  form.set('sourceLang', request.sourceLang.trim())
  form.set('targetLang', request.targetLang.trim())
  if (request.sameLanguage) form.set('sameLanguage', 'true')
  if (request.encoding !== undefined) form.set('encoding', request.encoding)
  return requestJson('/api/documents', importedDocument, { method: 'POST', body: form })
}
