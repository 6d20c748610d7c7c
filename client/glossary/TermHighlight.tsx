import { createContext, useContext, type ReactNode } from 'react'
import type { TermHit } from '@qalam/shared/glossary'
import { HighlightedText } from '../find/FindHighlight.tsx'

interface ActiveTerms {
  index: number | null
  hits: readonly TermHit<string>[]
}

const TermHighlightContext = createContext<ActiveTerms>({ index: null, hits: [] })

/** Which segment's source shows its glossary terms underlined, and where they are. */
export function TermHighlightProvider({
  children,
  ...value
}: ActiveTerms & { children: ReactNode }) {
  return <TermHighlightContext.Provider value={value}>{children}</TermHighlightContext.Provider>
}

/**
 * A segment's source: with its glossary terms underlined and numbered when it is the active
 * segment, else with the find bar's hits as before.
 */
export function SourceText({ text, index }: { text: string; index: number }) {
  const { index: active, hits } = useContext(TermHighlightContext)
  if (active !== index || hits.length === 0)
    return <HighlightedText text={text} index={index} side="source" />
  const parts: ReactNode[] = []
  let at = 0
  hits.forEach((hit, number) => {
    if (hit.start < at) return
    if (hit.start > at) parts.push(text.slice(at, hit.start))
    parts.push(
      <span
        key={hit.start}
        className={`term-hit${hit.targets.length === 0 ? ' term-hit--untranslated' : ''}`}
        data-testid="term-hit"
        data-term-number={number + 1}
        title={hit.targets.map((term) => term.text).join(' · ')}
      >
        {text.slice(hit.start, hit.end)}
      </span>,
    )
    at = hit.end
  })
  if (at < text.length) parts.push(text.slice(at))
  return parts
}
