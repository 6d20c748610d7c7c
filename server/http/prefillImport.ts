import { findPrefills } from '../analysis/index.ts'
import type { AuditLog } from '../audit/index.ts'
import type { AuthStore } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import type { MatchLookup, TranslationMemoryStore } from '../tm/index.ts'
import { findExportSource, readExportView } from './exportInSlot.ts'
import type { ImportSlot } from './importQueue.ts'

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
 * document open yet, so the change is simply appended to its log. The lookups read the export
 * view its import kept (or one a worker replays); the fills are written into the document in
 * the import's worker slot, which also hands back the view as of them. Each filled segment's
 * history says where its text came from (`status` entries with `prefill`), and the project's
 * activity how many were filled.
 */
export async function prefillImport(
  options: PrefillImportOptions,
  input: { projectId: string; documentId: string; userId: string },
  slot: ImportSlot,
): Promise<PrefillReport> {
  const { auth, audit, store, tm, lookup, log } = options
  if (!(await auth.prefillExactMatches(input.projectId))) return null
  try {
    const source = await findExportSource(
      { store, liveDocument: () => undefined },
      input.documentId,
    )
    if (!source) return null
    const view = await readExportView(source, (work) => work(slot))
    const memories = await tm.listProjectMemories(input.projectId)
    const fills = await findPrefills({
      view,
      memoryIds: memories.map((memory) => memory.id),
      lookup,
      tm,
    })
    const stored = fills.length > 0 ? await store.loadDocument(input.documentId) : null
    if (stored) {
      const targets = fills.map(({ segmentId, target }) => ({ segmentId, target }))
      const applied = await slot.run('applyPrefills', {
        stored,
        fills: targets,
        userId: input.userId,
      })
      if (applied.update) {
        const seq = await store.appendUpdate(input.documentId, applied.update)
        await store.saveProgress(input.documentId, applied.progress)
        if (applied.exportView)
          await store.saveExportView(input.documentId, seq, applied.exportView)
      }
    }
    const segments = view.segments.length
    const names = new Map(memories.map((memory) => [memory.id, memory.name]))
    await audit.appendAll([
      ...fills.map((fill) => ({
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
        detail: { prefilled: fills.length, segments },
      },
    ])
    return { prefilled: fills.length, segments }
  } catch (error) {
    // The document is stored whole already; an import without its pre-fill is still a good
    // import (the translator sees the matches in the editor), so it goes on unfilled.
    log.error('import.prefill_failed', { documentId: input.documentId, error })
    return null
  }
}
