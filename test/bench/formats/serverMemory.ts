import { readFileSync, writeFileSync } from 'node:fs'

/*
 * A server process's memory as Linux counts it (/proc/<pid>/status): resident now (VmRSS) and
 * its high-water mark (VmHWM), which counts every thread, the worker pool's included, and which
 * no sampling interval can miss. Writing 5 to clear_refs resets the mark, so that each step
 * (import, filling, export) gets a peak of its own.
 */

export interface MemoryFigures {
  rssMb: number
  peakRssMb: number
}

export function readMemory(pid: number): MemoryFigures {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const mb = (field: string) => {
    const kilobytes = new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]
    if (kilobytes === undefined) throw new Error(`/proc/${pid}/status has no ${field}`)
    return Math.round(Number(kilobytes) / 1024)
  }
  return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM') }
}

/** Starts a new high-water mark at the current resident size (Linux 4.0 and later). */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5')
}
