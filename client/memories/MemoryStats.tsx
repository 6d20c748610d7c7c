import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { languageLabel } from '../documents/languageLabel.ts'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { useFormatter } from '../i18n/formatting.ts'
import { fetchMemoryStats } from './memoriesApi.ts'

/** What a memory holds: units per language pair, where they came from, and the last change. */
export function MemoryStats({ projectId, memoryId }: { projectId: string; memoryId: string }) {
  const { t, i18n } = useTranslation()
  const format = useFormatter()
  const load = useCallback(
    (signal: AbortSignal) => fetchMemoryStats(projectId, memoryId, signal),
    [projectId, memoryId],
  )
  const [state] = useRequest(load)
  if (state.kind !== 'loaded')
    return <RequestProgress state={state} loading={t('memories.loading')} />
  const stats = state.value
  if (stats.units === 0) return <p className="empty-state">{t('memories.noUnits')}</p>
  return (
    <div className="memory__stats" data-testid="memory-stats">
      <ul>
        {stats.byLanguagePair.map((pair) => (
          <li key={`${pair.sourceLang}>${pair.targetLang}`}>
            {t('memories.pair', {
              source: languageLabel(t, pair.sourceLang, i18n.language),
              target: languageLabel(t, pair.targetLang, i18n.language),
              count: format.number(pair.units),
            })}
          </li>
        ))}
      </ul>
      <p>
        {t('memories.origins', {
          segment: format.number(stats.byOrigin.segment),
          tmx: format.number(stats.byOrigin.tmx),
          alignment: format.number(stats.byOrigin.alignment),
        })}
      </p>
      {stats.lastChangedAt !== null && (
        <p>
          {t('memories.lastChange', {
            date: format.date(stats.lastChangedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </p>
      )}
    </div>
  )
}
