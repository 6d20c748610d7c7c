import type { BeadIndices } from './scoreAlignment.ts'

/** A bead in the text form the command line and gold files use: `[1,2]:[3]`, `[]:[4]`. */
export function formatBead(bead: BeadIndices): string {
  return `[${bead.source.join(',')}]:[${bead.target.join(',')}]`
}

const BEAD_LINE = /^\[(\d+(?:,\d+)*)?\]:\[(\d+(?:,\d+)*)?\]$/

/** Parses one `[1,2]:[3]` line; returns null for anything else. */
export function parseBead(line: string): BeadIndices | null {
  const match = BEAD_LINE.exec(line.replace(/\s+/g, ''))
  if (!match) return null
  const numbers = (list: string | undefined) => (list ? list.split(',').map(Number) : [])
  return { source: numbers(match[1]), target: numbers(match[2]) }
}
