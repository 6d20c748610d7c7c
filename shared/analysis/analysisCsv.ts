import { CSV_BOM, csvLine } from '../csv/index.ts'
import { ANALYSIS_BANDS, BAND_LABELS, shareOf, type AnalysisReport } from './matchBands.ts'

/**
 * The report as CSV, one row per band then the total: segments, words, characters, the share
 * of words, the band's weight and its weighted words. Starts with a byte order mark so that
 * spreadsheets read the title (Kazakh, Arabic) as UTF-8; the title's cells are guarded.
 */
export function* analysisCsv(report: AnalysisReport, title: string): Generator<string> {
  yield CSV_BOM + csvLine(['Document', title])
  yield csvLine([
    'Band',
    'Segments',
    'Words',
    'Characters',
    'Words %',
    'Weight %',
    'Weighted words',
  ])
  for (const band of ANALYSIS_BANDS) {
    const totals = report.bands[band]
    const weight = report.weights[band]
    yield csvLine([
      BAND_LABELS[band],
      totals.segments,
      totals.words,
      totals.characters,
      shareOf(totals.words, report.total.words),
      weight,
      Math.round(totals.words * weight) / 100,
    ])
  }
  const total = report.total
  yield csvLine([
    'Total',
    total.segments,
    total.words,
    total.characters,
    100,
    '',
    report.weightedWords,
  ])
}
