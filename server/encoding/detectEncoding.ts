import iconv from 'iconv-lite'
import { SINGLE_BYTE_ENCODINGS, type Encoding } from './encodings.ts'
import { plausibility } from './letterStatistics.ts'

export interface Detection {
  encoding: Encoding
  /** How sure detection is, 0 to 1: 1 for a byte-order mark or valid non-ASCII UTF-8. */
  confidence: number
}

/** Enough to judge by; a 20 MB upload need not be decoded three times over. */
const SAMPLE_BYTES = 64 * 1024

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    // A sample cut inside a multi-byte character fails at its very end only.
    return bytes.length === SAMPLE_BYTES && isUtf8Prefix(bytes)
  }
}

function isUtf8Prefix(bytes: Uint8Array): boolean {
  for (let cut = 1; cut <= 3; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bytes.length - cut))
      return true
    } catch {
      // try a shorter prefix
    }
  }
  return false
}

/*
 * UTF-16 without a byte-order mark: in text of one script, the high byte of each code unit
 * takes very few values (0x00 for Latin and punctuation, 0x04 for Cyrillic, 0x06 for Arabic),
 * while the low bytes vary. So one of the two byte positions is dominated by a few values.
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null
  const share = (offset: number) => {
    const counts = new Map<number, number>()
    for (let i = offset; i < bytes.length; i += 2)
      counts.set(bytes[i]!, (counts.get(bytes[i]!) ?? 0) + 1)
    const top = [...counts.values()].sort((a, b) => b - a)
    return ((top[0] ?? 0) + (top[1] ?? 0)) / (bytes.length / 2)
  }
  const even = share(0)
  const odd = share(1)
  const hasNul = bytes.includes(0)
  if (!hasNul) return null
  if (odd >= 0.9 && even < 0.6) return 'utf-16le'
  if (even >= 0.9 && odd < 0.6) return 'utf-16be'
  return null
}

/**
 * The most likely encoding of a text file's bytes: a byte-order mark first, then UTF-16
 * without one, then UTF-8 if the bytes are valid UTF-8, else the single-byte code page whose
 * decoding reads most like Russian or Arabic. Never throws; binary input comes out as some
 * single-byte guess with low confidence, for the import's own checks to refuse.
 */
export function detectEncoding(bytes: Uint8Array): Detection {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', confidence: 1 }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', confidence: 1 }
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', confidence: 1 }
  const sample = bytes.subarray(0, SAMPLE_BYTES)
  const order = utf16Order(sample.subarray(0, sample.length - (sample.length % 2)))
  if (order) return { encoding: order, confidence: 0.9 }
  if (isUtf8(sample)) {
    const ascii = sample.every((byte) => byte < 0x80)
    return { encoding: 'utf-8', confidence: ascii ? 0.5 : 1 }
  }
  const scored = SINGLE_BYTE_ENCODINGS.map((encoding) => ({
    encoding,
    score: plausibility(iconv.decode(Buffer.from(sample), encoding)),
  })).sort((a, b) => b.score - a.score)
  const [best, next] = scored
  // Confidence is the winner's margin over the runner-up, scaled by how plausible it is.
  const confidence = best!.score === 0 ? 0 : best!.score * (1 - (next?.score ?? 0) / best!.score)
  return { encoding: best!.encoding, confidence: Math.round(confidence * 100) / 100 }
}
