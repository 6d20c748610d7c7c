import { useState } from 'react'

/**
 * For a panel's buttons that change something on the server: `run(change)` clears the last
 * failure, runs the change, keeps its failure for the panel to show, and reloads either way
 * (a failed change may still have raced with someone else's).
 */
export function useChange(reload: () => void): {
  run: (change: () => Promise<void>) => Promise<void>
  error: unknown
} {
  const [error, setError] = useState<unknown>(null)
  const run = async (change: () => Promise<void>) => {
    setError(null)
    try {
      await change()
    } catch (failure) {
      setError(failure)
    }
    reload()
  }
  return { run, error }
}
