import { useEffect, useState } from 'react'
import {
  searchConcordance,
  type ConcordanceResult,
  type ConcordanceSide,
} from './concordanceApi.ts'

/** Typing pauses this long before a search goes out: one request per word, not per letter. */
const DEBOUNCE_MS = 200

export interface ConcordanceState {
  query: string
  side: ConcordanceSide
  /** The answer to the latest query sent; null before the first or after the query is cleared. */
  result: ConcordanceResult | null
  searching: boolean
  error: unknown
  setQuery(query: string): void
  setSide(side: ConcordanceSide): void
}

/**
 * The concordance search of the open document: a query and a side, searched as the user types
 * (after a short pause, the previous request aborted), with the latest answer kept on screen
 * until the next arrives.
 */
export function useConcordance(documentId: string): ConcordanceState {
  const [query, setQuery] = useState('')
  const [side, setSide] = useState<ConcordanceSide>('both')
  const [result, setResult] = useState<ConcordanceResult | null>(null)
  const [searching, setSearching] = useState(false)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    const wanted = query.trim()
    if (wanted === '') {
      setResult(null)
      setSearching(false)
      setError(null)
      return
    }
    const controller = new AbortController()
    setSearching(true)
    const timer = setTimeout(() => {
      searchConcordance(documentId, wanted, side, controller.signal).then(
        (answer) => {
          setResult(answer)
          setError(null)
          setSearching(false)
        },
        (failure: unknown) => {
          if (controller.signal.aborted) return
          setError(failure)
          setSearching(false)
        },
      )
    }, DEBOUNCE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [documentId, query, side])

  return { query, side, result, searching, error, setQuery, setSide }
}
