import * as Y from 'yjs'
import {
  documentProgress,
  getSegment,
  readSegment,
  isSegmentProtected,
  segmentStatus,
  setTargetTagged,
  targetText,
  type DocumentProgress,
} from '@qalam/shared/model'
import type { MatchLookup, TranslationMemoryStore } from '../tm/index.ts'
import { forEachBestMatch, readDocumentSources } from './bestMatches.ts'
import { mapUnitTags } from './mapUnitTags.ts'

/** One segment an import filled from the memories. */
export interface PrefilledSegment {
  segmentId: string
  index: number
  /** 101 in context, 100 exact. */
  percent: number
  memoryId: string
  unitId: number
}

export interface PrefillResult {
  prefilled: PrefilledSegment[]
  /** The change to append to the document's log; null when nothing was filled. */
  update: Uint8Array | null
  progress: DocumentProgress
}

export interface PrefillOptions {
  doc: Y.Doc
  memoryIds: readonly string[]
  lookup: MatchLookup
  tm: TranslationMemoryStore
  /** Who the filled segments name as their last author: the importer. */
  userId: string
}

/**
 * Fills each untouched segment (`new`, empty target) that has a 100 % or 101 % match with the
 * best one (by percentage, then the most recently changed unit), its tags mapped onto the
 * segment's, as a `draft` a translator still confirms. Everything is written in one
 * transaction at the end, so the result is one update; the lookups run in slices that yield.
 */
export async function prefillExactMatches(options: PrefillOptions): Promise<PrefillResult> {
  const { doc, tm, userId } = options
  const fills: Array<PrefilledSegment & { target: Parameters<typeof setTargetTagged>[2] }> = []
  await forEachBestMatch({
    ...options,
    document: readDocumentSources(doc),
    // Only 100 % and 101 % fill: those score 1, and a lookup for nothing less is cheap.
    minScore: () => 1,
    async onSegment(segment, best) {
      if (!best || best.percent < 100) return
      const map = getSegment(doc, segment.id)
      if (!map || isSegmentProtected(map)) return
      if (segmentStatus(map) !== 'new' || targetText(map) !== '') return
      const [unit] = await tm.getUnits(best.memoryId, [best.unitId])
      // Replaced since it was found (a segment approved again): the segment stays empty.
      if (!unit) return
      const view = readSegment(map, segment.index)
      fills.push({
        segmentId: segment.id,
        index: segment.index,
        percent: best.percent,
        memoryId: best.memoryId,
        unitId: best.unitId,
        target: mapUnitTags(unit.source, unit.target, view.sourceTags),
      })
    },
  })
  if (fills.length === 0) return { prefilled: [], update: null, progress: documentProgress(doc) }
  const before = Y.encodeStateVector(doc)
  doc.transact(() => {
    for (const fill of fills) setTargetTagged(doc, fill.segmentId, fill.target, userId)
  })
  return {
    prefilled: fills.map(({ target: _target, ...fill }) => fill),
    update: Y.encodeStateAsUpdate(doc, before),
    progress: documentProgress(doc),
  }
}
