/**
 * The progress of a long CLI import on stderr: at most every 200 ms on a terminal, rewriting one
 * line, and every 5 s into a file or pipe, one line each; `done` writes the last line at once.
 */
export function progressLine<Progress>(describe: (progress: Progress) => string) {
  const tty = process.stderr.isTTY
  let shownAt = 0
  return {
    update(progress: Progress): void {
      const now = Date.now()
      if (now - shownAt < (tty ? 200 : 5000)) return
      shownAt = now
      process.stderr.write(`${describe(progress)}${tty ? '\r' : '\n'}`)
    },
    done(progress: Progress): void {
      process.stderr.write(`${describe(progress)}\n`)
    },
  }
}

/** How far through a file of `totalBytes` a reader is, in whole percent (100 for an empty one). */
export function percentRead(bytesRead: number, totalBytes: number): number {
  return totalBytes > 0 ? Math.min(100, Math.floor((100 * bytesRead) / totalBytes)) : 100
}
