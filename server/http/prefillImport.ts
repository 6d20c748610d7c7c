import { prefillExactMatches } from '../analysis/index.ts'
import type { AuditLog } from '../audit/index.ts'
import type { AuthStore } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import { replayDocument, type DocumentStore } from '../storage/index.ts'
import type { MatchLookup, TranslationMemoryStore } from '../tm/index.ts'

export interface PrefillImportOptions {
  auth: AuthStore
  audit: AuditLog
  store: DocumentStore
  tm: TranslationMemoryStore
  lookup: MatchLookup
  log: Logger
}

/** What an import reports about its pre-fill: null when the project does not pre-fill. */
export type PrefillReport = { prefilled: number; segments: number } | null

/**
 * With the project's "pre-fill exact matches" on, fills a just-stored document's 100 % and
 * 101 % matches in as drafts before the import links it to its project: nobody has the
 * document open yet, so the change is simply appended to its log. Each filled segment's
 * history says where its text came from (`status` entries with `prefill`), and the project's
 * activity how many were filled.
 */
export async function prefillImport(
  options: PrefillImportOptions,
  input: { projectId: string; documentId: string; userId: string },
): Promise<PrefillReport> {
  const { auth, audit, store, tm, lookup, log } = options
  if (!(await auth.prefillExactMatches(input.projectId))) return null
  try {
    const stored = await store.loadDocument(input.documentId)
    if (!stored) return null
    const doc = replayDocument(stored)
    const memories = await tm.listProjectMemories(input.projectId)
    const result = await prefillExactMatches({
      doc,
      memoryIds: memories.map((memory) => memory.id),
      lookup,
      tm,
      userId: input.userId,
    })
    const names = new Map(memories.map((memory) => [memory.id, memory.name]))
    if (result.update) {
      await store.appendUpdate(input.documentId, result.update)
      await store.saveProgress(input.documentId, result.progress)
    }
    await audit.appendAll([
      ...result.prefilled.map((fill) => ({
        userId: input.userId,
        projectId: input.projectId,
        documentId: input.documentId,
        segmentId: fill.segmentId,
        action: 'status' as const,
        detail: {
          from: 'new',
          to: 'draft',
          segmentNumber: fill.index + 1,
          prefill: { percent: fill.percent, memory: names.get(fill.memoryId) ?? '' },
        },
      })),
      {
        userId: input.userId,
        projectId: input.projectId,
        documentId: input.documentId,
        action: 'document.prefill',
        detail: { prefilled: result.prefilled.length, segments: result.progress.segments },
      },
    ])
    return { prefilled: result.prefilled.length, segments: result.progress.segments }
  } catch (error) {
    // The document is stored whole already; an import without its pre-fill is still a good
    // import (the translator sees the matches in the editor), so it goes on unfilled.
    log.error('import.prefill_failed', { documentId: input.documentId, error })
    return null
  }
}
