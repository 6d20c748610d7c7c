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
  })

  const activePosition =
    activeIndex === null ? -1 : rows === null ? activeIndex : rows.indexOf(activeIndex)
  useEffect(() => {
    if (activePosition >= 0) virtualizer.scrollToIndex(activePosition, { align: 'auto' })
  }, [activePosition, virtualizer])

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
