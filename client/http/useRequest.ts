import { useCallback, useEffect, useState } from 'react'

export type RequestState<T> =
  { kind: 'loading' } | { kind: 'loaded'; value: T } | { kind: 'failed'; error: unknown }

/**
 * Loads `load` while the component is shown and again on `reload()` (after a change the page
 * made itself). `load` must be stable (useCallback) or the request repeats on every render.
 */
export function useRequest<T>(
  load: (signal: AbortSignal) => Promise<T>,
): [RequestState<T>, () => void] {
  const [state, setState] = useState<RequestState<T>>({ kind: 'loading' })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    load(controller.signal).then(
      (value) => setState({ kind: 'loaded', value }),
      (error: unknown) => {
        // Leaving the page aborts the request; that is not a failure to show.
        if (!controller.signal.aborted) setState({ kind: 'failed', error })
      },
    )
    return () => controller.abort()
  }, [load, generation])
  const reload = useCallback(() => setGeneration((n) => n + 1), [])
  return [state, reload]
}
