import { useTranslation } from 'react-i18next'
import type { ConnectionState } from '../workbench/DocumentSession.ts'

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useTranslation()
  return (
    <span
      className={`connection connection--${state}`}
      role="status"
      data-testid="connection"
      data-state={state}
    >
      <span className="connection__dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </span>
  )
}
