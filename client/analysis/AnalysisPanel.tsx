import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ANALYSIS_BANDS, shareOf, type AnalysisReport } from '@qalam/shared/analysis'
import { saveFile } from '../export/saveFile.ts'
import { translateError } from '../i18n/translateError.ts'
import { fetchAnalysis, fetchAnalysisCsv } from './analysisApi.ts'

/**
 * The document's analysis before work starts: segments, words and their share by match band
 * against the project's memories (repetitions, 101 %, 100 %, fuzzy bands, no match), with the
 * weighted words. Runs when opened (it looks every segment up), again on Refresh.
 */
export function AnalysisPanel({ documentId, title }: { documentId: string; title: string }) {
  const { t, i18n } = useTranslation()
  const [report, setReport] = useState<AnalysisReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const number = new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en', {
    maximumFractionDigits: 1,
  })
  const run = async (refresh: boolean) => {
    setBusy(true)
    setError(null)
    try {
      setReport(await fetchAnalysis(documentId, refresh))
    } catch (caught) {
      setError(translateError(i18n, caught))
    } finally {
      setBusy(false)
    }
  }
  const download = async () => {
    setError(null)
    try {
      const file = await fetchAnalysisCsv(documentId)
      saveFile(file.blob, file.fileName ?? `${title}.csv`)
    } catch (caught) {
      setError(translateError(i18n, caught))
    }
  }
  return (
    <details
      className="analysis-panel"
      data-testid="analysis-panel"
      onToggle={(event) => {
        if (event.currentTarget.open && report === null && !busy) void run(false)
      }}
    >
      <summary>
        <h2>{t('analysis.title')}</h2>
      </summary>
      <div className="analysis-panel__actions">
        <button
          className="button"
          type="button"
          disabled={busy}
          onClick={() => void run(true)}
          data-testid="analysis-refresh"
        >
          {t('analysis.refresh')}
        </button>
        <button
          className="button"
          type="button"
          disabled={report === null}
          onClick={() => void download()}
          data-testid="analysis-csv"
        >
          {t('analysis.downloadCsv')}
        </button>
      </div>
      {busy && (
        <p role="status" className="empty-state">
          {t('analysis.running')}
        </p>
      )}
      {error !== null && <p role="alert">{error}</p>}
      {report !== null && (
        <table className="analysis-panel__table" data-testid="analysis-table">
          <thead>
            <tr>
              <th scope="col">{t('analysis.band')}</th>
              <th scope="col">{t('analysis.segments')}</th>
              <th scope="col">{t('analysis.words')}</th>
              <th scope="col">%</th>
            </tr>
          </thead>
          <tbody>
            {ANALYSIS_BANDS.map((band) => {
              const totals = report.bands[band]
              return (
                <tr key={band} data-band={band}>
                  <th scope="row">{t(`analysis.bands.${band}`)}</th>
                  <td>{number.format(totals.segments)}</td>
                  <td>{number.format(totals.words)}</td>
                  <td>{number.format(shareOf(totals.words, report.total.words))}</td>
                </tr>
              )
            })}
          </tbody>
          <tfoot>
            <tr data-band="total">
              <th scope="row">{t('analysis.total')}</th>
              <td>{number.format(report.total.segments)}</td>
              <td>{number.format(report.total.words)}</td>
              <td>{number.format(report.total.words === 0 ? 0 : 100)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {report !== null && (
        <p className="analysis-panel__weighted" data-testid="analysis-weighted">
          {t('analysis.weighted', {
            words: number.format(report.weightedWords),
            characters: number.format(report.total.characters),
          })}
        </p>
      )}
    </details>
  )
}
