import type * as Y from 'yjs'
import {
  addToAnalysis,
  bandOf,
  emptyAnalysis,
  finishAnalysis,
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
  await forEachBestMatch({
    ...options,
    onSegment(segment, best) {
      const key = repetitionKey(segment.source, lang)
      const repeats = key !== '' && seen.has(key)
      seen.add(key)
      addToAnalysis(report, bandOf(best?.percent ?? null, repeats), segment.source, lang)
    },
  })
  return finishAnalysis(report)
}
