import { DELETED_RETENTION_MS } from '@qalam/shared/workflow'
import type { AuthStore } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import type { TranslationMemoryStore } from '../tm/index.ts'

export interface PurgeStores {
  store: DocumentStore
  auth: AuthStore
  /** The purged projects' own memories go with them (and out of the projects using them). */
  tm?: TranslationMemoryStore
  log: Logger
}

/**
 * Removes for good what has been in the bin longer than the retention: deleted documents, and
 * deleted projects with every document in them. Documents go first, so a crash in between
 * leaves a deleted project without documents, never documents without a project.
 */
export async function purgeDeleted(
  { store, auth, tm, log }: PurgeStores,
  now = Date.now(),
): Promise<{ documents: number; projects: number }> {
  const cutoff = now - DELETED_RETENTION_MS
  const documents = await store.purgeDocuments(cutoff)
  let removedWithProjects = 0
  for (const project of await auth.listDeletedProjects()) {
    if (project.deletedAt >= cutoff) continue
    const ids = await auth.listProjectDocuments(project.id)
    await store.removeDocuments(ids)
    removedWithProjects += ids.length
  }
  await auth.unlinkDocuments(documents)
  const projects = await auth.purgeProjects(cutoff)
  if (projects.length > 0) await tm?.removeProjectMemories(projects)
  const purged = { documents: documents.length + removedWithProjects, projects: projects.length }
  if (purged.documents > 0 || purged.projects > 0) log.info('documents.purged', purged)
  return purged
}
