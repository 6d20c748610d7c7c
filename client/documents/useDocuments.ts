import { useEffect, useState } from 'react'
import { fetchDocuments, type DocumentSummary } from './documentSummary.ts'

export type DocumentsState =
  | { kind: 'loading' }
  | { kind: 'loaded'; documents: DocumentSummary[] }
  | { kind: 'failed'; error: unknown }

export function useDocuments(): DocumentsState {
  const [state, setState] = useState<DocumentsState>({ kind: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    fetchDocuments(controller.signal).then(
      (documents) => setState({ kind: 'loaded', documents }),
      (error: unknown) => {
        // Leaving the page aborts the request; that is not a failure to show.
        if (!controller.signal.aborted) setState({ kind: 'failed', error })
      },
    )
    return () => controller.abort()
  }, [])
  return state
}
