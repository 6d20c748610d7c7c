import { useDeferredValue, useEffect, useMemo, useState } from 'react'
import type * as Y from 'yjs'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { createFoldCache, findHits, firstHitFrom, type FindHit } from './findHits.ts'

// Edits while the bar is open are searched again at most this often: a colleague typing
// elsewhere must not re-search 10,000 segments on every keystroke.
const RESEARCH_AFTER_EDIT_MS = 400

export interface FindState {
  query: string
  setQuery(query: string): void
  hits: readonly FindHit[]
  /** Position of the current hit in `hits`, -1 when there is none. */
  position: number
  current: FindHit | null
  next(): void
  previous(): void
}

function isBefore(a: FindHit, b: FindHit): boolean {
  if (a.index !== b.index) return a.index < b.index
  if (a.side !== b.side) return a.side === 'source'
  return a.start < b.start
}

/** Find over every segment of the document while `isOpen`; the grid only holds the rows in view. */
export function useFind(
  store: SegmentStore,
  doc: Y.Doc,
  isOpen: boolean,
  activeIndex: number | null,
): FindState {
  const [query, setQuery] = useState('')
  const searched = useDeferredValue(query)
  const [edits, setEdits] = useState(0)
  const [chosen, setChosen] = useState<FindHit | null>(null)
  const [fold] = useState(createFoldCache)

  useEffect(() => {
    if (!isOpen) return
    let timer: ReturnType<typeof setTimeout> | undefined
    const onTransaction = () => {
      timer ??= setTimeout(() => {
        timer = undefined
        setEdits((count) => count + 1)
      }, RESEARCH_AFTER_EDIT_MS)
    }
    doc.on('afterTransaction', onTransaction)
    return () => {
      doc.off('afterTransaction', onTransaction)
      clearTimeout(timer)
    }
  }, [doc, isOpen])

  useEffect(() => setChosen(null), [searched])

  const hits = useMemo(() => {
    void edits
    if (!isOpen) return []
    return findHits({ count: store.length, texts: (index) => store.segment(index) }, searched, fold)
  }, [store, searched, fold, isOpen, edits])

  // The chosen hit, or the first one after it when an edit removed it; the first from the
  // active segment until the user moves.
  const position = useMemo(() => {
    if (hits.length === 0) return -1
    if (chosen === null) return firstHitFrom(hits, activeIndex)
    const at = hits.findIndex((hit) => !isBefore(hit, chosen))
    return at < 0 ? 0 : at
  }, [hits, chosen, activeIndex])

  const current = hits[position] ?? null
  const step = (by: number) => {
    if (hits.length === 0) return
    setChosen(hits[(position + by + hits.length) % hits.length] ?? null)
  }
  return {
    query,
    setQuery,
    hits,
    position,
    current,
    next: () => step(1),
    previous: () => step(-1),
  }
}
