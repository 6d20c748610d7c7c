/**
 * A 32-bit hash of a unit's neighbouring sources (spaces collapsed, NFC), never 0; 0 when either
 * neighbour is unknown, so a unit imported without context never counts as in context.
 */
export function contextHash(prev: string | undefined, next: string | undefined): number {
  if (prev === undefined || next === undefined) return 0
  const text = `${exactForm(prev)}\u0001${exactForm(next)}`
  // FNV-1a over UTF-16 units: cheap, and a collision only costs a wrong 101 % label, which the
  // match itself (comparing the stored neighbours) then corrects.
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash === 0 ? 1 : hash
}

/** Whitespace-insensitive, composed form of a text: what must be equal for a 100 % match. */
export function exactForm(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim()
}
