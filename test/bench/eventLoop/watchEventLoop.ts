/**
 * Starts a 1 ms timer that notes the longest gap between its ticks: how long a request arriving
 * meanwhile would have waited for the event loop. `stop` ends it and gives that gap in ms.
 */
export function watchEventLoop(): { stop(): number } {
  let longestStallMs = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    longestStallMs = Math.max(longestStallMs, now - last)
    last = now
  }, 1)
  return {
    stop() {
      clearInterval(ticker)
      return longestStallMs
    },
  }
}
