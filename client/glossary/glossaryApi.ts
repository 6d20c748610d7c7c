import { z } from 'zod'
import type { GlossaryEntry } from '@qalam/shared/glossary'
import { jsonInit, requestJson, requestNoContent } from '../http/requestJson.ts'

const term = z.object({
  lang: z.string(),
  text: z.string(),
  status: z.enum(['preferred', 'admitted', 'forbidden']),
  partOfSpeech: z.string().optional(),
  note: z.string().optional(),
})
const entry = z.object({
  id: z.string(),
  terms: z.array(term),
  definition: z.string().optional(),
  note: z.string().optional(),
  source: z.string().optional(),
  subject: z.string().optional(),
})
export type StoredEntry = z.infer<typeof entry>

const glossary = z.object({ id: z.string(), name: z.string(), entryCount: z.number() })
export type GlossaryItem = z.infer<typeof glossary>

const documentTerms = z.object({
  glossaries: z.array(z.object({ id: z.string(), name: z.string() })),
  entries: z.array(z.object({ glossaryId: z.string(), entry })),
  revision: z.number(),
  mayAddTerms: z.boolean(),
})
export type DocumentTerms = z.infer<typeof documentTerms>

const finding = z.object({
  segmentId: z.string(),
  index: z.number(),
  source: z.string(),
  target: z.string(),
  kind: z.enum(['missing', 'forbidden']),
  entryId: z.string(),
  sourceTerm: z.string(),
  terms: z.array(z.string()),
})
export type TermFindingRow = z.infer<typeof finding>

const projectPath = (projectId: string) =>
  `/api/projects/${encodeURIComponent(projectId)}/glossaries`

export function fetchDocumentTerms(documentId: string, signal?: AbortSignal) {
  return requestJson(`/api/documents/${encodeURIComponent(documentId)}/glossary`, documentTerms, {
    signal,
  })
}

export async function fetchTermCheck(documentId: string, signal?: AbortSignal) {
  const url = `/api/documents/${encodeURIComponent(documentId)}/glossary/check`
  return (await requestJson(url, z.object({ findings: z.array(finding) }), { signal })).findings
}

export async function fetchGlossaries(projectId: string, signal?: AbortSignal) {
  return (
    await requestJson(projectPath(projectId), z.object({ glossaries: z.array(glossary) }), {
      signal,
    })
  ).glossaries
}

export async function fetchAttachable(projectId: string) {
  const schema = z.object({ glossaries: z.array(glossary.extend({ projectName: z.string() })) })
  return (await requestJson(`${projectPath(projectId)}/attachable`, schema)).glossaries
}

export function createGlossary(projectId: string, name: string) {
  return requestJson(projectPath(projectId), glossary, jsonInit('POST', { name }))
}

export function attachGlossary(projectId: string, glossaryId: string) {
  return requestNoContent(`${projectPath(projectId)}/${encodeURIComponent(glossaryId)}/attach`, {
    method: 'POST',
  })
}

export function detachGlossary(projectId: string, glossaryId: string) {
  return requestNoContent(`${projectPath(projectId)}/${encodeURIComponent(glossaryId)}`, {
    method: 'DELETE',
  })
}

export function addEntry(projectId: string, glossaryId: string, value: GlossaryEntry) {
  return requestJson(
    `${projectPath(projectId)}/${encodeURIComponent(glossaryId)}/entries`,
    z.object({ entry, revision: z.number() }),
    jsonInit('POST', value),
  )
}

export function importGlossaryFile(projectId: string, glossaryId: string, file: File) {
  const format = /\.csv$/i.test(file.name) ? 'csv' : 'tbx'
  return requestJson(
    `${projectPath(projectId)}/${encodeURIComponent(glossaryId)}/import?format=${format}`,
    z.object({ added: z.number() }),
    { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file },
  )
}

export function exportUrl(projectId: string, glossaryId: string, format: 'tbx2' | 'tbx3' | 'csv') {
  return `${projectPath(projectId)}/${encodeURIComponent(glossaryId)}/export?format=${format}`
}

const entryPath = (projectId: string, glossaryId: string, entryId: string) =>
  `${projectPath(projectId)}/${encodeURIComponent(glossaryId)}/entries/${encodeURIComponent(entryId)}`

/** Replaces an entry's terms and fields (reviewers and managers); the new glossary revision. */
export function updateEntry(
  projectId: string,
  glossaryId: string,
  entryId: string,
  value: GlossaryEntry,
) {
  return requestJson(
    entryPath(projectId, glossaryId, entryId),
    z.object({ entry, revision: z.number() }),
    jsonInit('PUT', value),
  )
}

/** Removes an entry (reviewers and managers); the new glossary revision. */
export function deleteEntry(projectId: string, glossaryId: string, entryId: string) {
  return requestJson(
    entryPath(projectId, glossaryId, entryId),
    z.object({ revision: z.number() }),
    {
      method: 'DELETE',
    },
  )
}
