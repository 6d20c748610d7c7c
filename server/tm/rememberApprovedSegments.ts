import type * as Y from 'yjs'
import { tmxTagged } from '@qalam/shared/formats'
import {
  readMeta,
  readSegment,
  segmentAt,
  segmentIndexes,
  segmentSource,
  segmentStatus,
} from '@qalam/shared/model'
import type { AuthStore } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import type { NewUnit, TranslationMemoryStore } from './TranslationMemoryStore.ts'

/** The part of a sync status move this needs (the sync layer's StatusChangesRecorder shape). */
interface ApprovalEvent {
  documentId: string
  statusChanges: ReadonlyArray<{ segmentId: string; to: string }>
  doc: Y.Doc
}

/** Late typing kept in approved segments (the sync layer's LateTypingRecorder shape). */
interface LateTypingEvent {
  documentId: string
  segmentIds: readonly string[]
  doc: Y.Doc
}

interface Peer {
  userId: string
  projectId: string
}

interface Dependencies {
  tm: TranslationMemoryStore
  auth: AuthStore
  log: Logger
}

/**
 * Puts each segment the moment it is approved into its project's write memory (created, named
 * after the project, when the project has none): source and target with their inline tags, the
 * approver, the time and the neighbouring sources for in-context matches. Called after the approving update is stored, so
 * a failure here is logged and never undoes or blocks the approval; the segment simply has no
 * unit until it is approved again.
 */
export function rememberApprovedSegments(dependencies: Dependencies) {
  return async (peer: Peer, { documentId, statusChanges, doc }: ApprovalEvent): Promise<void> => {
    const approved = statusChanges.filter((change) => change.to === 'approved')
    if (approved.length === 0) return
    await rememberSegments(dependencies, peer, {
      documentId,
      doc,
      segmentIds: approved.map((change) => change.segmentId),
      approverOf: () => peer.userId,
    })
  }
}

/**
 * Typing a translator sent before an approval reached them went into the approved text (the
 * sync layer reports it once their window closes): the segment's unit becomes the text as it
 * now stands, replacing the one written at the approval. The approver (who last moved the
 * segment's status) stays its creator; the translator whose typing completed it, its last
 * changer. A segment reopened meanwhile is left alone: it is no longer approved text.
 */
export function rememberLateTyping(dependencies: Dependencies) {
  return async (peer: Peer, { documentId, segmentIds, doc }: LateTypingEvent): Promise<void> => {
    await rememberSegments(dependencies, peer, {
      documentId,
      doc,
      segmentIds,
      onlyApproved: true,
      approverOf: (index) => readSegment(segmentAt(doc, index)!, index).updatedBy ?? peer.userId,
    })
  }
}

async function rememberSegments(
  { tm, auth, log }: Dependencies,
  peer: Peer,
  input: {
    documentId: string
    doc: Y.Doc
    segmentIds: readonly string[]
    onlyApproved?: boolean
    /** The user id of whoever approved the segment at `index`. */
    approverOf: (index: number) => string
  },
): Promise<void> {
  const { documentId, doc } = input
  try {
    const now = Date.now()
    const meta = readMeta(doc)
    const usernames = new Map<string, string | undefined>()
    const usernameOf = async (userId: string): Promise<string | undefined> => {
      if (!usernames.has(userId)) usernames.set(userId, (await auth.getUser(userId))?.username)
      return usernames.get(userId)
    }
    const changer = (await usernameOf(peer.userId)) ?? peer.userId
    const indexes = segmentIndexes(doc, new Set(input.segmentIds))
    const units: NewUnit[] = []
    for (const [segmentId, index] of indexes) {
      const segment = segmentAt(doc, index)!
      if (input.onlyApproved && segmentStatus(segment) !== 'approved') continue
      const view = readSegment(segment, index)
      if (view.target.trim() === '') continue
      const previous = segmentAt(doc, index - 1)
      const next = segmentAt(doc, index + 1)
      // Both sides keep their inline tags as TMX codes, numbered as in the segment: a match
      // pairs them with another segment's tags, and a TMX export writes them back.
      units.push({
        sourceLang: meta.sourceLang,
        targetLang: meta.targetLang,
        source: tmxTagged({ text: view.source, tags: view.sourceTags }, view.tags),
        target: tmxTagged({ text: view.target, tags: view.targetTags }, view.tags),
        previousSource: index > 0 && previous ? segmentSource(previous) : null,
        nextSource: next ? segmentSource(next) : null,
        origin: 'segment',
        documentId,
        segmentId,
        createdBy: (await usernameOf(input.approverOf(index))) ?? changer,
        createdAt: now,
        changedBy: changer,
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
