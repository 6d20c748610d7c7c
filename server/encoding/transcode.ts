import iconv from 'iconv-lite'
import type { Encoding } from './encodings.ts'

/** The bytes do not decode in the encoding (invalid UTF-8, an odd UTF-16 length, a hole). */
export class UndecodableError extends Error {
  override name = 'UndecodableError'
}

/** Characters the encoding has no bytes for, counted once each, in order of first use. */
export class UnrepresentableError extends Error {
  override name = 'UnrepresentableError'
  constructor(
    readonly encoding: Encoding,
    readonly characters: string[],
  ) {
    super(`${characters.length} characters cannot be written in ${encoding}`)
  }
}

const REPLACEMENT = '\uFFFD'

/** Decodes `bytes` as `encoding`, dropping a byte-order mark; throws UndecodableError. */
export function decodeBytes(bytes: Uint8Array, encoding: Encoding): string {
  if (encoding === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw new UndecodableError('not valid UTF-8')
    }
  }
  if (encoding.startsWith('utf-16') && bytes.length % 2 !== 0) {
    throw new UndecodableError('odd number of bytes for UTF-16')
  }
  const text = iconv.decode(Buffer.from(bytes), encoding)
  // iconv-lite replaces what it cannot map (an unpaired surrogate, an unassigned byte such as
  // 0x98 in windows-1251) with U+FFFD: reading on would store a damaged text.
  if (text.includes(REPLACEMENT)) throw new UndecodableError(`not valid ${encoding}`)
  return text
}

/**
 * Encodes `text` as `encoding` (no byte-order mark), or throws UnrepresentableError listing
 * the characters it cannot hold; nothing is ever replaced silently.
 */
export function encodeText(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text)
  // Decoding back keeps a byte-order mark the text starts with, as the encoder wrote it.
  const decode = (bytes: Buffer) => iconv.decode(bytes, encoding, { stripBOM: false })
  const bytes = iconv.encode(text, encoding)
  if (decode(bytes) === text) return new Uint8Array(bytes)
  const missing: string[] = []
  const seen = new Set<string>()
  for (const char of text) {
    if (seen.has(char)) continue
    seen.add(char)
    if (decode(iconv.encode(char, encoding)) !== char) missing.push(char)
  }
  throw new UnrepresentableError(encoding, missing)
}
