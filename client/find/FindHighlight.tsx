import { createContext, useContext, useMemo, type ReactNode } from 'react'
import { occurrences, type FindHit, type FindSide } from './findHits.ts'

interface FindHighlightState {
  query: string
  current: FindHit | null
}

const FindHighlightContext = createContext<FindHighlightState>({ query: '', current: null })

/** What the rows highlight: the open find bar's query and its current hit. */
export function FindHighlightProvider({
  query,
  current,
  children,
}: FindHighlightState & { children: ReactNode }) {
  const value = useMemo(() => ({ query, current }), [query, current])
  return <FindHighlightContext.Provider value={value}>{children}</FindHighlightContext.Provider>
}

/**
 * A segment's text with the find bar's hits marked. Reads the query from context, so a new
 * query re-renders these few spans and not the memoized rows around them.
 */
export function HighlightedText({
  text,
  index,
  side,
}: {
  text: string
  index: number
  side: FindSide
}) {
  const { query, current } = useContext(FindHighlightContext)
  const pieces = useMemo(() => (query === '' ? [] : occurrences(text, query)), [text, query])
  if (pieces.length === 0) return text
  const isCurrent = (start: number) =>
    current !== null && current.index === index && current.side === side && current.start === start
  const parts: ReactNode[] = []
  let at = 0
  for (const { start, end } of pieces) {
    if (start > at) parts.push(text.slice(at, start))
    parts.push(
      <mark
        key={start}
        className={isCurrent(start) ? 'find-hit find-hit--current' : 'find-hit'}
        data-testid={isCurrent(start) ? 'find-current' : 'find-hit'}
      >
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}
