import type { FindBars as FindBarsState } from './useFindBars.ts'
import { FindBar } from './FindBar.tsx'
import { GoToBar } from './GoToBar.tsx'

/** Whichever of the find and go-to bars is open, above the grid. */
export function FindBars({
  bars,
  segmentCount,
  onGo,
}: {
  bars: FindBarsState
  segmentCount: number
  /** Activates a segment: the one a go-to names, or the current hit's when find closes. */
  onGo: (index: number) => void
}) {
  if (bars.open === 'find')
    return (
      <FindBar
        find={bars.find}
        focusRequest={bars.focusRequest}
        onClose={() => {
          bars.close()
          if (bars.find.current !== null) onGo(bars.find.current.index)
        }}
      />
    )
  if (bars.open === 'goTo')
    return (
      <GoToBar
        count={segmentCount}
        focusRequest={bars.focusRequest}
        onGo={(index) => {
          bars.close()
          onGo(index)
        }}
        onClose={bars.close}
      />
    )
  return null
}
