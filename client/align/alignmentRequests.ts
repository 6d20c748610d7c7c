import { z } from 'zod'
import { requestJson } from '../http/requestJson.ts'
import type { ConfirmedPair } from './confirmedPairs.ts'

const side = z.object({
  sentences: z.array(z.string()),
  paragraphs: z.array(z.number()),
  gaps: z.array(z.string()),
  trailing: z.string(),
})

const proposal = z.object({
  title: z.string(),
  sourceLang: z.string(),
  targetLang: z.string(),
  source: side,
  target: side,
  beads: z.array(
    z.object({ source: z.array(z.number()), target: z.array(z.number()), confidence: z.number() }),
  ),
  /** What the source file was read in; the document keeps it for an export in kind. */
  sourceEncoding: z.string(),
})
export type AlignmentProposal = z.infer<typeof proposal>

export interface AlignmentUpload {
  /** The project the document will belong to. */
  projectId: string
  source: File
  target: File
  title: string
  sourceLang: string
  targetLang: string
  /** The encodings the previews showed the files in; absent reads a file as UTF-8. */
  sourceEncoding?: string | undefined
  targetEncoding?: string | undefined
  /** The user confirmed that both files are meant to be in the same language. */
  sameLanguage?: boolean
}

/** Uploads a text and its translation; the server answers with proposed sentence pairs. */
export function proposeAlignment(upload: AlignmentUpload): Promise<AlignmentProposal> {
  const form = new FormData()
  form.set('projectId', upload.projectId)
  form.set('source', upload.source)
  form.set('target', upload.target)
  // An empty title lets the server use the source file's name.
  if (upload.title.trim() !== '') form.set('title', upload.title.trim())
  form.set('sourceLang', upload.sourceLang.trim())
  form.set('targetLang', upload.targetLang.trim())
  if (upload.sourceEncoding !== undefined) form.set('sourceEncoding', upload.sourceEncoding)
  if (upload.targetEncoding !== undefined) form.set('targetEncoding', upload.targetEncoding)
  if (upload.sameLanguage) form.set('sameLanguage', 'true')
  return requestJson('/api/alignments', proposal, { method: 'POST', body: form })
}

const createdDocument = z.object({ id: z.string() })

export interface AlignmentConfirmation {
  projectId: string
  title: string
  sourceLang: string
  targetLang: string
  pairs: ConfirmedPair[]
  /** The source file's whitespace after its last sentence: the document keeps the file's layout. */
  trailing: string
  /** What the source file was read in, for an export in the original encoding. */
  sourceEncoding?: string | undefined
  /** Both languages are the same, as the user confirmed on the upload form. */
  sameLanguage?: boolean
}

/** Creates the document from the reviewed pairs; resolves with its id. */
export function confirmAlignment(confirmation: AlignmentConfirmation): Promise<{ id: string }> {
  return requestJson('/api/alignments/confirm', createdDocument, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(confirmation),
  })
}
