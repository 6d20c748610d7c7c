import { useCallback, useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { useFind, type FindState } from './useFind.ts'

export type OpenBar = 'find' | 'goTo' | null

export interface FindBars {
  open: OpenBar
  /** Changes each time a bar is asked for, so pressing Ctrl+F again refocuses its field. */
  focusRequest: number
  find: FindState
  openFind(): void
  openGoTo(): void
  close(): void
}

/**
 * The find and go-to bars above the grid (one at a time) and the find state behind them.
 * `reveal` is called with the segment of the current hit whenever the hit moves.
 */
export function useFindBars(
  store: SegmentStore,
  doc: Y.Doc,
  activeIndex: number | null,
  reveal: (index: number) => void,
): FindBars {
  const [open, setOpen] = useState<OpenBar>(null)
  const [focusRequest, setFocusRequest] = useState(0)
  const find = useFind(store, doc, open === 'find', activeIndex)
  const show = useCallback((bar: Exclude<OpenBar, null>) => {
    setOpen(bar)
    setFocusRequest((count) => count + 1)
  }, [])
  const openFind = useCallback(() => show('find'), [show])
  const openGoTo = useCallback(() => show('goTo'), [show])
  const close = useCallback(() => setOpen(null), [])

  // Keyed by where the hit is, so re-searching after a colleague's edit does not scroll back.
  const { current } = find
  const hitKey = current === null ? null : `${current.index}:${current.side}:${current.start}`
  const hitIndex = current?.index ?? null
  const latestReveal = useRef(reveal)
  useEffect(() => {
    latestReveal.current = reveal
  })
  useEffect(() => {
    if (hitKey !== null && hitIndex !== null) latestReveal.current(hitIndex)
  }, [hitKey, hitIndex])
  return { open, focusRequest, find, openFind, openGoTo, close }
}
