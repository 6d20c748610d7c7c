import { useTranslation } from 'react-i18next'
import './formats.css'
import type { SegmentView } from '@qalam/shared/model'
import { useFormatter } from '../i18n/formatting.ts'

/**
 * What the imported file said about the active segment: its authors' notes and the earlier
 * translations it carried (XLIFF alt-trans, mtc:matches), shown read-only beside the grid.
 */
export function ImportedContext({ segment }: { segment: SegmentView }) {
  const { t } = useTranslation()
  const format = useFormatter()
  if (segment.notes.length === 0 && segment.matches.length === 0) return null
  return (
    <section className="imported-context" data-testid="imported-context">
      {segment.notes.length > 0 && (
        <>
          <h3>{t('formats.notes')}</h3>
          <ul>
            {segment.notes.map((note, index) => (
              <li key={index} dir="auto">
                {note}
              </li>
            ))}
          </ul>
        </>
      )}
      {segment.matches.length > 0 && (
        <>
          <h3>{t('formats.matches')}</h3>
          <ul>
            {segment.matches.map((match, index) => (
              <li key={index}>
                <bdi dir="auto">{match.target}</bdi>
                {(match.origin !== '' || match.quality !== null) && (
                  <small>
                    {' · '}
                    {match.quality !== null && format.percent(match.quality / 100)}
                    {match.origin !== '' && (
                      <>
                        {match.quality !== null && ' '}
                        <bdi>{match.origin}</bdi>
                      </>
                    )}
                  </small>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
