import { useState, type FormEvent } from 'react'

export interface Submission {
  /** For the form's `onSubmit`: runs the action once, keeping the page from reloading. */
  onSubmit(event: FormEvent): void
  isSubmitting: boolean
  /** What the last attempt failed with (an ApiError for the server's refusals), or null. */
  error: unknown
}

/**
 * The life of a form that sends something to the server: busy while the request runs, the
 * failure kept for the form to show translated, cleared on the next attempt.
 */
export function useSubmit(
  action: () => Promise<void>,
  { onFailure }: { onFailure?: () => void } = {},
): Submission {
  const [isSubmitting, setSubmitting] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const run = async () => {
    setSubmitting(true)
    setError(null)
    try {
      await action()
    } catch (failure) {
      setError(failure)
      onFailure?.()
    } finally {
      setSubmitting(false)
    }
  }
  return {
    onSubmit: (event) => {
      event.preventDefault()
      if (!isSubmitting) void run()
    },
    isSubmitting,
    error,
  }
}
