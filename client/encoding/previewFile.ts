import { z } from 'zod'
import { ENCODINGS } from '@qalam/shared/api'
import { requestJson } from '../http/requestJson.ts'

const filePreview = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('txt'),
    /** The encoding the lines are shown in: the one asked for, else the detected one. */
    encoding: z.enum(ENCODINGS),
    detected: z.object({ encoding: z.enum(ENCODINGS), confidence: z.number() }),
    lines: z.array(z.string()),
  }),
  z.object({
    /** XLIFF: read in the encoding its file declares, so there is nothing to pick. */
    format: z.enum(['xliff12', 'xliff20']),
    encoding: z.string(),
    lines: z.array(z.string()),
  }),
  z.object({
    /** DOCX: no encoding; its first paragraphs, and whether it has tracked changes. */
    format: z.literal('docx'),
    lines: z.array(z.string()),
    trackedChanges: z.boolean(),
  }),
])
export type FilePreview = z.infer<typeof filePreview>

export interface PreviewRequest {
  /** The project the file is meant for: previewing takes the right to import into it. */
  projectId: string
  file: File
  /** Show the file in this encoding instead of the detected one. */
  encoding?: string
}

/**
 * Asks the server how a file reads: its format (by content), its encoding (detected, or for
 * XLIFF declared) and first lines. Stores nothing.
 */
export function previewFile(request: PreviewRequest, signal?: AbortSignal): Promise<FilePreview> {
  const form = new FormData()
  form.set('projectId', request.projectId)
  if (request.encoding !== undefined) form.set('encoding', request.encoding)
  form.set('file', request.file)
  return requestJson('/api/documents/preview', filePreview, { method: 'POST', body: form, signal })
}
