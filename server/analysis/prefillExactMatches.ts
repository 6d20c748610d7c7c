import * as Y from 'yjs'
import {
  documentProgress,
  setTargetTagged,
  type DocumentExportView,
  type DocumentProgress,
  type TaggedText,
} from '@qalam/shared/model'
import type { MatchLookup, TranslationMemoryStore } from '../tm/index.ts'
import { forEachBestMatch, viewDocumentSources } from './bestMatches.ts'
import { mapUnitTags } from './mapUnitTags.ts'

/*
 * An import's pre-fill in two halves. The lookups run where the memories' indexes are (the
 * main thread, in slices that yield) over the document's export view; the fills are written
 * into the document where it can be replayed without holding the event loop (a worker).
 */

/** One segment an import filled from the memories. */
export interface PrefilledSegment {
  segmentId: string
  index: number
  /** 101 in context, 100 exact. */
  percent: number
  memoryId: string
  unitId: number
}

/** What goes into one segment: the best unit's target, its tags mapped onto the segment's. */
export interface Prefill extends PrefilledSegment {
  target: TaggedText
}

export interface FindPrefillsOptions {
  view: DocumentExportView
  memoryIds: readonly string[]
  lookup: MatchLookup
  tm: TranslationMemoryStore
}

/**
 * Each untouched segment (`new`, empty target, not protected) that has a 100 % or 101 % match,
 * with the best one (by percentage, then the most recently changed unit).
 */
export async function findPrefills(options: FindPrefillsOptions): Promise<Prefill[]> {
  const { view, tm } = options
  const fills: Prefill[] = []
  await forEachBestMatch({
    ...options,
    document: viewDocumentSources(view),
    // Only 100 % and 101 % fill: those score 1, and a lookup for nothing less is cheap.
    minScore: () => 1,
    async onSegment(segment, best) {
      if (!best || best.percent < 100) return
      const read = view.segments[segment.index]
      if (!read || read.isProtected || read.status !== 'new' || read.target !== '') return
      const [unit] = await tm.getUnits(best.memoryId, [best.unitId])
      // Replaced since it was found (a segment approved again): the segment stays empty.
      if (!unit) return
      fills.push({
        segmentId: segment.id,
        index: segment.index,
        percent: best.percent,
        memoryId: best.memoryId,
        unitId: best.unitId,
        target: mapUnitTags(unit.source, unit.target, read.sourceTags),
      })
    },
  })
  return fills
}

export interface AppliedPrefills {
  /** The change to append to the document's log; null when nothing was filled. */
  update: Uint8Array | null
  progress: DocumentProgress
}

/** Writes the fills as drafts a translator still confirms, in one transaction: one update. */
export function applyPrefills(
  doc: Y.Doc,
  fills: readonly Pick<Prefill, 'segmentId' | 'target'>[],
  userId: string,
): AppliedPrefills {
  if (fills.length === 0) return { update: null, progress: documentProgress(doc) }
  const before = Y.encodeStateVector(doc)
  doc.transact(() => {
    for (const fill of fills) setTargetTagged(doc, fill.segmentId, fill.target, userId)
  })
  return { update: Y.encodeStateAsUpdate(doc, before), progress: documentProgress(doc) }
}
