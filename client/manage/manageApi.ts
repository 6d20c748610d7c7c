import { z } from 'zod'
import { jsonInit, requestJson, requestNoContent } from '../http/requestJson.ts'

const binItem = z.object({
  id: z.string(),
  /** A document's title or a project's name. */
  name: z.string(),
  deletedAt: z.number(),
  purgeAt: z.number(),
})

/** Something in the bin: restorable until `purgeAt`. */
export type BinItem = z.infer<typeof binItem>

const deletedDocuments = z.object({
  documents: z.array(
    z
      .object({ id: z.string(), title: z.string(), deletedAt: z.number(), purgeAt: z.number() })
      .transform(({ title, ...rest }) => ({ ...rest, name: title })),
  ),
})

const deletedProjects = z.object({ projects: z.array(binItem) })

const documentPath = (id: string) => `/api/documents/${encodeURIComponent(id)}`
const projectPath = (id: string) => `/api/projects/${encodeURIComponent(id)}`

export async function renameDocument(id: string, title: string): Promise<string> {
  const body = z.object({ title: z.string() })
  return (await requestJson(documentPath(id), body, jsonInit('PATCH', { title }))).title
}

export function deleteDocument(id: string): Promise<void> {
  return requestNoContent(documentPath(id), { method: 'DELETE' })
}

export async function restoreDocument(id: string): Promise<void> {
  await requestJson(`${documentPath(id)}/restore`, z.unknown(), { method: 'POST' })
}

export async function fetchDeletedDocuments(
  projectId: string,
  signal?: AbortSignal,
): Promise<BinItem[]> {
  const url = `/api/documents/deleted?projectId=${encodeURIComponent(projectId)}`
  return (await requestJson(url, deletedDocuments, { signal })).documents
}

export async function renameProject(id: string, name: string): Promise<string> {
  const body = z.object({ name: z.string() })
  return (await requestJson(projectPath(id), body, jsonInit('PATCH', { name }))).name
}

export function deleteProject(id: string): Promise<void> {
  return requestNoContent(projectPath(id), { method: 'DELETE' })
}

export async function restoreProject(id: string): Promise<void> {
  await requestJson(`${projectPath(id)}/restore`, z.unknown(), { method: 'POST' })
}

export async function fetchDeletedProjects(signal?: AbortSignal): Promise<BinItem[]> {
  return (await requestJson('/api/projects/deleted', deletedProjects, { signal })).projects
}
