import { countWords } from '../text/index.ts'

/*
 * A document's analysis as MateCat and Trados show it before work starts: how much of it the
 * memories already cover, in bands of match percentage, so a manager can plan and quote.
 *
 * Precedence, as Trados counts: a 101 % (in-context) match stays 101 % even when the segment
 * repeats an earlier one, since it needs no work either way; otherwise a segment whose source
 * repeats an earlier segment's (the first occurrence is counted by its own match) is a
 * repetition; otherwise its band is that of its best match over the project's memories.
 */

/** The bands, in the order they are shown. */
export const ANALYSIS_BANDS = [
  'repetition',
  'in-context',
  'exact',
  'fuzzy95',
  'fuzzy85',
  'fuzzy75',
  'fuzzy50',
  'none',
] as const
export type AnalysisBand = (typeof ANALYSIS_BANDS)[number]

/** The label a band carries in reports (CSV), the same in every language. */
export const BAND_LABELS: Record<AnalysisBand, string> = {
  repetition: 'Repetitions',
  'in-context': '101%',
  exact: '100%',
  fuzzy95: '95-99%',
  fuzzy85: '85-94%',
  fuzzy75: '75-84%',
  fuzzy50: '50-74%',
  none: 'No match',
}

/**
 * Share of a new word's price each band is paid at, in percent: the grid most agencies quote
 * Trados analyses with (no charge for in-context matches, a quarter for repetitions and exact
 * matches, rising with the work a fuzzy match leaves, full price below 75 %).
 */
export const DEFAULT_BAND_WEIGHTS: Readonly<Record<AnalysisBand, number>> = {
  repetition: 25,
  'in-context': 0,
  exact: 25,
  fuzzy95: 30,
  fuzzy85: 40,
  fuzzy75: 60,
  fuzzy50: 100,
  none: 100,
}

/** Lowest match percentage that counts as a match at all. */
export const MIN_ANALYSIS_PERCENT = 50

/**
 * The band of a segment whose best match is `percent` (101 in context, 100 exact, below that
 * fuzzy; null for no match at all) and that does or does not repeat an earlier segment.
 */
export function bandOf(percent: number | null, repeatsEarlier: boolean): AnalysisBand {
  if (percent !== null && percent >= 101) return 'in-context'
  if (repeatsEarlier) return 'repetition'
  if (percent === null || percent < MIN_ANALYSIS_PERCENT) return 'none'
  if (percent >= 100) return 'exact'
  if (percent >= 95) return 'fuzzy95'
  if (percent >= 85) return 'fuzzy85'
  if (percent >= 75) return 'fuzzy75'
  return 'fuzzy50'
}

/** What a band (or a whole document) holds. */
export interface BandTotals {
  segments: number
  words: number
  /** Characters without spaces, as Trados counts them. */
  characters: number
}

export interface AnalysisReport {
  bands: Record<AnalysisBand, BandTotals>
  total: BandTotals
  /** Words weighted by `weights`, rounded to one decimal. */
  weightedWords: number
  weights: Readonly<Record<AnalysisBand, number>>
}

/** Characters of `text` that are not spaces, counted as code points (one per Arabic letter). */
export function countCharacters(text: string): number {
  let count = 0
  for (const char of text) if (!/\s/u.test(char)) count++
  return count
}

const emptyTotals = (): BandTotals => ({ segments: 0, words: 0, characters: 0 })

/**
 * Adds up segments by band. Start with `emptyAnalysis()`, `addToAnalysis` each segment, and
 * `finishAnalysis` to get the weighted total; reports of several documents `mergeAnalyses`.
 */
export function emptyAnalysis(
  weights: Readonly<Record<AnalysisBand, number>> = DEFAULT_BAND_WEIGHTS,
): AnalysisReport {
  const bands = Object.fromEntries(ANALYSIS_BANDS.map((band) => [band, emptyTotals()])) as Record<
    AnalysisBand,
    BandTotals
  >
  return { bands, total: emptyTotals(), weightedWords: 0, weights }
}

/** Counts one segment's source into `band` of `report` (changes `report`). */
export function addToAnalysis(
  report: AnalysisReport,
  band: AnalysisBand,
  source: string,
  lang: string,
): void {
  const words = countWords(source, lang)
  const characters = countCharacters(source)
  for (const totals of [report.bands[band], report.total]) {
    totals.segments++
    totals.words += words
    totals.characters += characters
  }
}

/** The report with its weighted words computed from its bands. */
export function finishAnalysis(report: AnalysisReport): AnalysisReport {
  let weighted = 0
  for (const band of ANALYSIS_BANDS)
    weighted += (report.bands[band].words * report.weights[band]) / 100
  return { ...report, weightedWords: Math.round(weighted * 10) / 10 }
}

/** The sum of several documents' reports (a project's), weighted with the first one's grid. */
export function mergeAnalyses(reports: readonly AnalysisReport[]): AnalysisReport {
  const merged = emptyAnalysis(reports[0]?.weights)
  for (const report of reports) {
    for (const band of ANALYSIS_BANDS) {
      for (const totals of [merged.bands[band], merged.total]) {
        totals.segments += report.bands[band].segments
        totals.words += report.bands[band].words
        totals.characters += report.bands[band].characters
      }
    }
  }
  return finishAnalysis(merged)
}

/** Share of `part` in `whole` in percent, one decimal; 0 for an empty whole. */
export function shareOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10
}
