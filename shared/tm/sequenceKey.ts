import type { CodedTokens } from './codedTokens.ts'

/**
 * A 53-bit key of a whole token sequence (every surface id, and the length): equal sequences
 * have equal keys, and two different ones share a key about once in 2^53 pairs. Lets the
 * index find a unit identical to a query even past the tokens it keeps of a long unit.
 */
export function sequenceKey(tokens: CodedTokens): number {
  // Two 32-bit FNV-1a variants (different offsets and primes) over the ids' bytes, joined.
  let high = 0x811c9dc5 ^ tokens.length
  let low = 0x01000193 ^ tokens.length
  for (let i = 0; i < tokens.length; i++) {
    const surface = tokens.surface[i]!
    for (let shift = 0; shift < 32; shift += 8) {
      const byte = (surface >>> shift) & 0xff
      high = Math.imul(high ^ byte, 0x01000193)
      low = Math.imul(low ^ byte, 0x5bd1e995)
    }
  }
  return (high >>> 0) * 0x200000 + ((low >>> 0) & 0x1fffff)
}
