import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { repeatedSegmentIds } from '@qalam/shared/model'

const RepeatedIds = createContext<ReadonlySet<string>>(new Set<string>())

const NONE: ReadonlySet<string> = new Set()

/**
 * Knows which segments' sources repeat another segment's. Computed once per document (a source
 * never changes after import), after the grid's first paint: folding every source of a
 * 10,000-segment document takes about 0.4 s (`npm run bench -- repetitions`), which the rows
 * should not wait for.
 */
export function RepeatedSegmentsProvider({ doc, children }: { doc: Y.Doc; children: ReactNode }) {
  const [ids, setIds] = useState(NONE)
  useEffect(() => {
    const timer = setTimeout(() => setIds(repeatedSegmentIds(doc)), 0)
    return () => clearTimeout(timer)
  }, [doc])
  return <RepeatedIds.Provider value={ids}>{children}</RepeatedIds.Provider>
}

/** The grid's mark on a row whose source repeats another row's; nothing on other rows. */
export function RepetitionMarker({ segmentId }: { segmentId: string }) {
  const { t } = useTranslation()
  const repeated = useContext(RepeatedIds)
  if (!repeated.has(segmentId)) return null
  const label = t('repetitions.marker')
  return (
    <span
      className="repetition-marker"
      role="img"
      aria-label={label}
      title={label}
      data-testid="repetition-marker"
    >
      <span aria-hidden="true">⧉</span>
    </span>
  )
}
