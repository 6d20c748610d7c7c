import iconv from 'iconv-lite'
import { declaredXmlEncoding } from '@qalam/shared/formats'

/*
 * An XML file's bytes as text and back, in the encoding the file declares (XML 1.0 appendix F):
 * UTF-8, UTF-16 either way round, or a legacy code page named in the prolog (windows-1251,
 * koi8-r, iso-8859-1…). The export is written in the same encoding, with the same byte-order
 * mark, so the prolog stays true; a character the code page lacks is written as a character
 * reference, which every XML reader turns back into the character.
 */

/** The file's encoding is unknown, or its bytes are not valid in it. */
export class XmlEncodingError extends Error {
  override name = 'XmlEncodingError'
}

export interface DecodedXmlFile {
  text: string
  /** iconv-lite's name for it, lower case. */
  encoding: string
  hasBom: boolean
}

const REPLACEMENT = '\uFFFD'

/** Decodes an XML file; throws `XmlEncodingError` for an unknown encoding or invalid bytes. */
export function decodeXmlFile(bytes: Uint8Array): DecodedXmlFile {
  const guess = declaredXmlEncoding(bytes)
  const encoding = guess.encoding === 'utf-16' ? 'utf-16le' : guess.encoding
  if (!iconv.encodingExists(encoding)) {
    throw new XmlEncodingError(`the file declares an encoding we cannot read: ${guess.encoding}`)
  }
  const body = bytes.subarray(guess.bomLength)
  let text: string
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
    } catch {
      throw new XmlEncodingError('the file is not valid UTF-8')
    }
  } else {
    if (encoding.startsWith('utf-16') && body.length % 2 !== 0) {
      throw new XmlEncodingError(`odd number of bytes for ${encoding}`)
    }
    text = iconv.decode(Buffer.from(body), encoding, { stripBOM: false })
    // iconv-lite puts U+FFFD where bytes do not map: reading on would store a damaged text.
    if (text.includes(REPLACEMENT)) throw new XmlEncodingError(`the file is not valid ${encoding}`)
  }
  return { text, encoding, hasBom: guess.bomLength > 0 }
}

/** The first characters of a file, for telling its format. */
export function peekXmlText(bytes: Uint8Array, chars = 4096): string {
  const guess = declaredXmlEncoding(bytes)
  const declared = guess.encoding === 'utf-16' ? 'utf-16le' : guess.encoding
  // An encoding we cannot read still has an ASCII prolog: enough to tell it is XLIFF, so the
  // import can refuse it for its encoding rather than read it as text.
  const encoding = iconv.encodingExists(declared) ? declared : 'latin1'
  const head = bytes.subarray(guess.bomLength, guess.bomLength + chars * 4)
  return iconv.decode(Buffer.from(head), encoding, { stripBOM: false })
}

/** The byte-order mark of `encoding` (iconv-lite's name); empty for one that has none. */
export function byteOrderMark(encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Uint8Array.of(0xef, 0xbb, 0xbf)
    case 'utf-16le':
      return Uint8Array.of(0xff, 0xfe)
    case 'utf-16be':
      return Uint8Array.of(0xfe, 0xff)
    default:
      return new Uint8Array(0)
  }
}

/**
 * Encodes `text` in `encoding` (with a byte-order mark when the original had one); characters
 * the encoding lacks become `&#N;` references. Only text the export wrote can hold such
 * characters, and it is always element content or an attribute value, where references are
 * valid.
 */
export function encodeXmlFile(text: string, encoding: string, hasBom: boolean): Uint8Array {
  let safe = text
  if (encoding !== 'utf-8' && !encoding.startsWith('utf-16')) {
    const missing = new Set<string>()
    for (const char of new Set(text)) {
      if (iconv.decode(iconv.encode(char, encoding), encoding) !== char) missing.add(char)
    }
    if (missing.size > 0) {
      safe = Array.from(text, (char) =>
        missing.has(char) ? `&#${char.codePointAt(0)!};` : char,
      ).join('')
    }
  }
  const body =
    encoding === 'utf-8'
      ? new TextEncoder().encode(safe)
      : iconv.encode(safe, encoding, { addBOM: false })
  const bom = hasBom ? byteOrderMark(encoding) : new Uint8Array(0)
  // A view of the encoded bytes, not a copy (nor, with a mark, an array of numbers): the
  // export of a large file holds one copy of it.
  // A small Buffer may be a slice of Node's shared pool: that one is copied.
  const isOwn = body.byteOffset === 0 && body.buffer.byteLength === body.length
  if (bom.length === 0) return isOwn ? new Uint8Array(body.buffer) : new Uint8Array(body)
  const bytes = new Uint8Array(bom.length + body.length)
  bytes.set(bom)
  bytes.set(body, bom.length)
  return bytes
}
