import type * as Y from 'yjs'
import {
  addToAnalysis,
  bandOf,
  emptyAnalysis,
  finishAnalysis,
  MIN_ANALYSIS_PERCENT,
  type AnalysisReport,
} from '@qalam/shared/analysis'
import { readMeta, repetitionKey } from '@qalam/shared/model'
import type { MatchLookup } from '../tm/index.ts'
import { forEachBestMatch } from './bestMatches.ts'

export interface AnalyzeOptions {
  doc: Y.Doc
  memoryIds: readonly string[]
  lookup: MatchLookup
  signal?: AbortSignal
}

/**
 * The document's words, segments and characters by match band (see `bandOf`): each segment's
 * best match over the memories, repetitions of an earlier segment's source counted as such.
 * Reads only sources, so what has been translated since does not change it.
 */
export async function analyzeDocument(options: AnalyzeOptions): Promise<AnalysisReport> {
  const lang = readMeta(options.doc).sourceLang
  const report = emptyAnalysis()
  const seen = new Set<string>()
  let repeats = false
  await forEachBestMatch({
    ...options,
    // A repetition stays one unless a 101 % match outranks it: only exact matches are sought.
    minScore(segment) {
      const key = repetitionKey(segment.source, lang)
      repeats = key !== '' && seen.has(key)
      seen.add(key)
      return repeats ? 1 : MIN_ANALYSIS_PERCENT / 100
    },
    onSegment(segment, best) {
      addToAnalysis(report, bandOf(best?.percent ?? null, repeats), segment.source, lang)
    },
  })
  return finishAnalysis(report)
}
