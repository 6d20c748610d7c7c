import type * as Y from 'yjs'
import { readMeta, segmentAt, segmentIndexes, segmentSource, targetText } from '@qalam/shared/model'
import type { AuthStore } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import type { NewUnit, TranslationMemoryStore } from './TranslationMemoryStore.ts'

/** The part of a sync status move this needs (the sync layer's StatusChangesRecorder shape). */
interface ApprovalEvent {
  documentId: string
  statusChanges: ReadonlyArray<{ segmentId: string; to: string }>
  doc: Y.Doc
}

/**
 * Puts each segment the moment it is approved into its project's write memory (created, named
 * after the project, when the project has none): source, target, the approver, the time and the
 * neighbouring sources for in-context matches. Called after the approving update is stored, so
 * a failure here is logged and never undoes or blocks the approval; the segment simply has no
 * unit until it is approved again.
 */
export function rememberApprovedSegments({
  tm,
  auth,
  log,
}: {
  tm: TranslationMemoryStore
  auth: AuthStore
  log: Logger
}) {
  return async (
    peer: { userId: string; projectId: string },
    { documentId, statusChanges, doc }: ApprovalEvent,
  ): Promise<void> => {
    const approved = statusChanges.filter((change) => change.to === 'approved')
    if (approved.length === 0) return
    try {
      const now = Date.now()
      const meta = readMeta(doc)
      const author = (await auth.getUser(peer.userId))?.username ?? peer.userId
      const indexes = segmentIndexes(doc, new Set(approved.map((change) => change.segmentId)))
      const units: NewUnit[] = []
      for (const [segmentId, index] of indexes) {
        const segment = segmentAt(doc, index)!
        const target = targetText(segment)
        if (target.trim() === '') continue
        const previous = segmentAt(doc, index - 1)
        const next = segmentAt(doc, index + 1)
        units.push({
          sourceLang: meta.sourceLang,
          targetLang: meta.targetLang,
          source: { text: segmentSource(segment), tags: [] },
          target: { text: target, tags: [] },
          previousSource: index > 0 && previous ? segmentSource(previous) : null,
          nextSource: next ? segmentSource(next) : null,
          origin: 'segment',
          documentId,
          segmentId,
          createdBy: author,
          createdAt: now,
          changedBy: author,
          changedAt: now,
        })
      }
      if (units.length === 0) return
      const project = await auth.getProject(peer.projectId)
      const memory = await tm.ensureWriteMemory(peer.projectId, project?.name ?? 'Project memory')
      await tm.addUnits(memory.id, units)
    } catch (error) {
      log.error('tm.remember_approved_failed', { documentId, error })
    }
  }
}
