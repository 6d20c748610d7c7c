import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type * as Y from 'yjs'
import type { SharedProvider } from '../editor/sharedProvider.ts'
import type { LocalUser } from '../presence/identity.ts'
import type { PresenceStore } from '../presence/PresenceStore.ts'
import { SegmentRow, type TextSide } from './SegmentRow.tsx'
import type { SegmentStore } from './SegmentStore.ts'
import { useSegmentCount } from './useSegmentStore.ts'

interface SegmentGridProps {
  store: SegmentStore
  presence: PresenceStore
  doc: Y.Doc
  provider: SharedProvider
  user: LocalUser
  source: TextSide & { label: string }
  target: TextSide & { label: string }
  /** Document indexes of the rows to show (a status filter), or null for every segment. */
  rows: readonly number[] | null
  /** Whether the user's role writes translations at all; approved segments are locked anyway. */
  mayEdit: boolean
  activeIndex: number | null
  onActivate: (index: number) => void
  /** A segment to scroll to (a find hit); a new object each time, even for the same one. */
  reveal?: { index: number } | null
}

// A one-line row; real heights are measured as rows render.
const ESTIMATED_ROW_HEIGHT = 44

/** The virtualized segment table: only the rows in view (plus a margin) are in the DOM. */
export function SegmentGrid({
  store,
  presence,
  doc,
  provider,
  user,
  source,
  target,
  rows,
  mayEdit,
  activeIndex,
  onActivate,
  reveal = null,
}: SegmentGridProps) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const segmentCount = useSegmentCount(store)
  const count = rows === null ? segmentCount : rows.length
  const indexAt = (position: number) => (rows === null ? position : (rows[position] ?? -1))
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    // Keyed by segment, so a row keeps its measured height when a filter moves it.
    getItemKey: (position) => (rows === null ? position : `s${rows[position] ?? position}`),
    overscan: 8,
    // Scrolling to the row just entered re-renders the grid with the next render, not inside
    // the scroll event: a synchronous render there delayed the frame that shows the segment.
    useFlushSync: false,
  })

  const activePosition =
    activeIndex === null ? -1 : rows === null ? activeIndex : rows.indexOf(activeIndex)
  useEffect(() => {
    if (activePosition < 0) return
    virtualizer.scrollToIndex(activePosition, { align: 'auto' })
    const scroller = scrollRef.current
    if (scroller === null) return
    return keepFullyVisible(scroller, `[data-index="${activePosition}"]`)
  }, [activePosition, virtualizer])

  const revealPosition =
    reveal === null ? -1 : rows === null ? reveal.index : rows.indexOf(reveal.index)
  useEffect(() => {
    if (reveal !== null && revealPosition >= 0)
      virtualizer.scrollToIndex(revealPosition, { align: 'center' })
  }, [reveal, revealPosition, virtualizer])

  // Stable objects, so a scroll re-renders the grid without re-rendering every memoized row.
  const sourceSide = useMemo(
    () => ({ lang: source.lang, dir: source.dir }),
    [source.lang, source.dir],
  )
  const targetSide = useMemo(
    () => ({ lang: target.lang, dir: target.dir }),
    [target.lang, target.dir],
  )
  return (
    <div
      className="segment-grid"
      role="table"
      aria-label={t('grid.label')}
      aria-rowcount={segmentCount + 1}
    >
      <div className="segment-grid__head" role="rowgroup">
        <div className="segment-row segment-row--head" role="row" aria-rowindex={1}>
          <div role="columnheader" className="segment-row__number">
            {t('grid.number')}
          </div>
          <div role="columnheader" className="segment-row__source" data-testid="source-header">
            {t('grid.source', { language: source.label })}
          </div>
          <div role="columnheader" className="segment-row__target" data-testid="target-header">
            {t('grid.target', { language: target.label })}
          </div>
          <div role="columnheader" className="segment-row__status">
            {t('grid.status')}
          </div>
        </div>
      </div>
      <div
        ref={scrollRef}
        className="segment-grid__body"
        role="rowgroup"
        data-testid="segment-grid"
      >
        <div className="segment-grid__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const index = indexAt(item.index)
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="presentation"
                className="segment-grid__slot"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <SegmentRow
                  index={index}
                  store={store}
                  presence={presence}
                  doc={doc}
                  provider={provider}
                  user={user}
                  source={sourceSide}
                  target={targetSide}
                  mayEdit={mayEdit}
                  isActive={index === activeIndex}
                  onActivate={onActivate}
                />
              </div>
            )
          })}
          {count === 0 && (
            <p className="segment-grid__empty" data-testid="grid-empty">
              {t('grid.emptyFilter')}
            </p>
          )}
        </div>
      </div>
    </div>
  )
}

// How long after an activation the row is kept in view while it grows: the editor mounts and
// the binding loads the text over a few frames.
const SETTLE_MS = 600

/**
 * Scrolls `scroller` so that the row matching `selector` is entirely inside it, frame after
 * frame while the row renders and grows, until the user scrolls by wheel or touch. The
 * virtualizer's own scroll works from estimated heights and can leave a grown row cut off.
 */
function keepFullyVisible(scroller: HTMLElement, selector: string): () => void {
  const until = performance.now() + SETTLE_MS
  let frame = 0
  const stop = () => {
    cancelAnimationFrame(frame)
    scroller.removeEventListener('wheel', stop)
    scroller.removeEventListener('touchmove', stop)
  }
  const settle = () => {
    const row = scroller.querySelector(selector)
    if (row !== null) {
      const view = scroller.getBoundingClientRect()
      const box = row.getBoundingClientRect()
      if (box.top < view.top) scroller.scrollTop -= view.top - box.top
      else if (box.bottom > view.bottom)
        scroller.scrollTop += Math.min(box.bottom - view.bottom, box.top - view.top)
    }
    if (performance.now() < until) frame = requestAnimationFrame(settle)
    else stop()
  }
  scroller.addEventListener('wheel', stop, { passive: true })
  scroller.addEventListener('touchmove', stop, { passive: true })
  frame = requestAnimationFrame(settle)
  return stop
}
