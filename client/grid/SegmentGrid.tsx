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
  activeIndex,
  onActivate,
}: SegmentGridProps) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = useSegmentCount(store)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    overscan: 8,
  })

  useEffect(() => {
    if (activeIndex !== null) virtualizer.scrollToIndex(activeIndex, { align: 'auto' })
  }, [activeIndex, virtualizer])

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
    <div className="segment-grid" role="table" aria-label={t('grid.label')} aria-rowcount={count}>
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
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              role="presentation"
              className="segment-grid__slot"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <SegmentRow
                index={item.index}
                store={store}
                presence={presence}
                doc={doc}
                provider={provider}
                user={user}
                source={sourceSide}
                target={targetSide}
                isActive={item.index === activeIndex}
                onActivate={onActivate}
              />
            </div>
          ))}
        </div>
      </div>
    </div>
  )
}
