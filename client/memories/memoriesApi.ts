import { z } from 'zod'
import { ApiError, jsonInit, requestJson, requestNoContent } from '../http/requestJson.ts'

const mode = z.enum(['write', 'read'])
const memory = z.object({
  id: z.string(),
  name: z.string(),
  projectId: z.string(),
  mode,
  units: z.number(),
  /** The owner project's name when the user may see that project. */
  ownerName: z.string().nullable(),
})
const attachable = z.object({
  id: z.string(),
  name: z.string(),
  projectId: z.string(),
  ownerName: z.string(),
})
const skipped = z.object({
  no_source: z.number(),
  no_target: z.number(),
  empty: z.number(),
  too_long: z.number(),
})
const progress = z.object({ bytesRead: z.number(), unitsRead: z.number(), skipped })
const job = z.discriminatedUnion('state', [
  progress.extend({ state: z.literal('running') }),
  progress.extend({ state: z.literal('done'), added: z.number(), updated: z.number() }),
  progress.extend({
    state: z.literal('failed'),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
])
const summary = progress.extend({ added: z.number(), updated: z.number() })

export type MemoryMode = z.infer<typeof mode>
export type MemoryView = z.infer<typeof memory>
export type AttachableMemory = z.infer<typeof attachable>
export type ImportJob = z.infer<typeof job>
export type ImportSummary = z.infer<typeof summary>
export type SkipReason = keyof z.infer<typeof skipped>

/** `/api/projects/:id/memories` and below. */
export function memoriesUrl(projectId: string, path = ''): string {
  return `/api/projects/${encodeURIComponent(projectId)}/memories${path}`
}

export function exportUrl(projectId: string, memoryId: string): string {
  return memoriesUrl(projectId, `/${encodeURIComponent(memoryId)}/export`)
}

export async function fetchMemories(projectId: string, signal?: AbortSignal) {
  return (
    await requestJson(memoriesUrl(projectId), z.object({ memories: z.array(memory) }), { signal })
  ).memories
}

export async function fetchAttachable(projectId: string, signal?: AbortSignal) {
  return (
    await requestJson(
      memoriesUrl(projectId, '/attachable'),
      z.object({ memories: z.array(attachable) }),
      { signal },
    )
  ).memories
}

export async function createMemory(projectId: string, name: string): Promise<void> {
  await requestJson(memoriesUrl(projectId), z.unknown(), jsonInit('POST', { name }))
}

export async function attachMemory(projectId: string, memoryId: string, as: MemoryMode) {
  await requestJson(memoriesUrl(projectId, `/${encodeURIComponent(memoryId)}`), z.unknown(), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: as }),
  })
}

export function detachMemory(projectId: string, memoryId: string): Promise<void> {
  return requestNoContent(memoriesUrl(projectId, `/${encodeURIComponent(memoryId)}`), {
    method: 'DELETE',
  })
}

/** A random (v4) UUID; `crypto.randomUUID` exists only on HTTPS and localhost pages. */
function newImportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const POLL_MS = 400

/**
 * Uploads a TMX file into a memory and reports the server's progress (bytes and units read,
 * units skipped and why) while it streams in, by polling the import the request started.
 * Resolves with the summary, or rejects with the server's ApiError (a refused file names its line).
 */
export async function importTmxFile(input: {
  projectId: string
  memoryId: string
  file: File
  sourceLang: string
  targetLang: string
  onProgress: (job: ImportJob) => void
}): Promise<ImportSummary> {
  const importId = newImportId()
  const base = memoriesUrl(input.projectId, `/${encodeURIComponent(input.memoryId)}/imports`)
  const form = new FormData()
  // Fields first: the server reads them before the file starts streaming.
  form.append('importId', importId)
  form.append('sourceLang', input.sourceLang)
  form.append('targetLang', input.targetLang)
  form.append('file', input.file, input.file.name)
  const upload = requestJson(base, summary, { method: 'POST', body: form })
  let finished = false
  const poll = async () => {
    while (!finished) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS))
      if (finished) return
      try {
        input.onProgress(await requestJson(`${base}/${importId}`, job))
      } catch (error) {
        // Not started yet (404) or a lost poll: the upload itself reports the outcome.
        if (!(error instanceof ApiError)) throw error
      }
    }
  }
  const polling = poll()
  try {
    return await upload
  } finally {
    finished = true
    await polling
  }
}

const stats = z.object({
  units: z.number(),
  byLanguagePair: z.array(
    z.object({ sourceLang: z.string(), targetLang: z.string(), units: z.number() }),
  ),
  byOrigin: z.object({ segment: z.number(), tmx: z.number(), alignment: z.number() }),
  lastChangedAt: z.number().nullable(),
})

export type MemoryStatsView = z.infer<typeof stats>

export function fetchMemoryStats(projectId: string, memoryId: string, signal?: AbortSignal) {
  return requestJson(memoriesUrl(projectId, `/${encodeURIComponent(memoryId)}/stats`), stats, {
    signal,
  })
}
