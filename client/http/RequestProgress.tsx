import { useTranslation } from 'react-i18next'
import { translateError } from '../i18n/translateError.ts'
import type { RequestState } from './useRequest.ts'

/** What a panel shows while its request runs or after it failed; nothing once it has loaded. */
export function RequestProgress({
  state,
  loading,
}: {
  state: RequestState<unknown>
  /** The translated "Loading …" message of the panel. */
  loading: string
}) {
  const { i18n } = useTranslation()
  if (state.kind === 'loading') return <p role="status">{loading}</p>
  if (state.kind === 'failed')
    return (
      <p className="form-error" role="alert">
        {translateError(i18n, state.error)}
      </p>
    )
  return null
}
