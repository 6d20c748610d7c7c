import { useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'
import type { ConnectionState } from '../workbench/DocumentSession.ts'

/**
 * The document's connection as the user needs to know it: offline or reconnecting, that their
 * changes are kept and how many wait to be sent; back online, that they are being sent, until
 * the server has confirmed every one; only then "Connected".
 */
export function ConnectionStatus({
  state,
  unsent,
  isCatchingUp,
}: {
  state: ConnectionState
  unsent: number
  isCatchingUp: boolean
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const isAway = state === 'offline' || state === 'reconnecting'
  const shown = isAway ? 'offline' : state === 'connected' && isCatchingUp ? 'sending' : state
  return (
    <span
      className={`connection connection--${shown}`}
      role="status"
      data-testid="connection"
      data-state={state}
      data-unsent={unsent}
    >
      <span className="connection__dot" aria-hidden="true" />
      {t(`connection.${shown}`)}
      {(isAway || shown === 'sending') && unsent > 0 && (
        <span className="connection__unsent" data-testid="unsent">
          {' · '}
          {t('connection.unsent', { count: format.number(unsent) })}
        </span>
      )}
    </span>
  )
}
