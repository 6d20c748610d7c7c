import { ErrorMessage } from './ErrorMessage.tsx'
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
  if (state.kind === 'loading') return <p role="status">{loading}</p>
  if (state.kind === 'failed') return <ErrorMessage error={state.error} />
  return null
}
