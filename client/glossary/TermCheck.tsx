import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { translateError } from '../i18n/translateError.ts'
import { fetchTermCheck, type TermFindingRow } from './glossaryApi.ts'

/**
 * The terminology check of the document: segments whose target lacks the approved term or
 * uses a forbidden one, each a link to the segment. Run on demand: it reads every segment.
 */
export function TermCheck({
  documentId,
  onGoToSegment,
}: {
  documentId: string
  onGoToSegment: (index: number) => void
}) {
  const { t, i18n } = useTranslation()
  const [findings, setFindings] = useState<TermFindingRow[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const check = async () => {
    setBusy(true)
    setError(null)
    try {
      setFindings(await fetchTermCheck(documentId))
    } catch (caught) {
      setError(translateError(i18n, caught))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section className="term-check" aria-labelledby="term-check-title" data-testid="term-check">
      <h3 id="term-check-title">{t('glossary.checkTitle')}</h3>
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => void check()}
        data-testid="run-term-check"
      >
        {t('glossary.checkRun')}
      </button>
      {error !== null && <p role="alert">{error}</p>}
      {findings !== null &&
        (findings.length === 0 ? (
          <p className="empty-state">{t('glossary.checkNone')}</p>
        ) : (
          <ul className="term-check__list">
            {findings.map((finding) => (
              <li
                key={`${finding.segmentId}-${finding.entryId}-${finding.kind}`}
                data-kind={finding.kind}
                data-testid="term-finding"
              >
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onGoToSegment(finding.index)}
                >
                  {t('glossary.checkSegment', { number: finding.index + 1 })}
                </button>{' '}
                {t(
                  finding.kind === 'missing' ? 'glossary.checkMissing' : 'glossary.checkForbidden',
                  {
                    source: finding.sourceTerm,
                    terms: finding.terms.join(', '),
                  },
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
