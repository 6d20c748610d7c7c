import type * as Y from 'yjs'
import {
  addToAnalysis,
  bandOf,
  emptyAnalysis,
  finishAnalysis,
  MIN_ANALYSIS_PERCENT,
  type AnalysisReport,
} from '@qalam/shared/analysis'
import { repetitionKey } from '@qalam/shared/model'
import type { MatchLookup } from '../tm/index.ts'
import { forEachBestMatch, readDocumentSources, type DocumentSources } from './bestMatches.ts'

export interface AnalyzeSourcesOptions {
  document: DocumentSources
  memoryIds: readonly string[]
  lookup: MatchLookup
  /** Read between segments: a pass whose client left stops there and rejects. */
  signal?: Pick<AbortSignal, 'throwIfAborted'>
}

/**
 * The document's words, segments and characters by match band (see `bandOf`): each segment's
 * best match over the memories, repetitions of an earlier segment's source counted as such.
 * Reads only sources, so what has been translated since does not change it.
 */
export async function analyzeSources(options: AnalyzeSourcesOptions): Promise<AnalysisReport> {
  const lang = options.document.sourceLang
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

export type AnalyzeOptions = Omit<AnalyzeSourcesOptions, 'document'> & { doc: Y.Doc }

/** `analyzeSources` over a Y.Doc on this thread (tests, and the inline benchmark). */
export function analyzeDocument({ doc, ...options }: AnalyzeOptions): Promise<AnalysisReport> {
  return analyzeSources({ ...options, document: readDocumentSources(doc) })
}
