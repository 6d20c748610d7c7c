import { TmxError } from './types.ts'

/*
 * TMX 1.4b asks for Unicode. We read UTF-8 (with or without a byte order mark) and UTF-16 with
 * a byte order mark, and refuse the rest by name: a file whose bytes and declaration disagree
 * would otherwise be stored as mojibake nobody notices until a match shows it.
 */

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be'

interface StreamingTextDecoder {
  decode(input: Uint8Array, options?: { stream?: boolean }): string
}

/*
 * The WHATWG TextDecoder every browser and Node has. shared/ compiles without DOM or Node
 * typings, so it is typed here with the little this module uses.
 */
const TextDecoder = (
  globalThis as unknown as {
    TextDecoder: new (
      label: Encoding,
      options?: { fatal?: boolean; ignoreBOM?: boolean },
    ) => StreamingTextDecoder
  }
).TextDecoder

const UTF8_NAMES = new Set(['utf-8', 'utf8'])
const UTF16_NAMES = new Set(['utf-16', 'utf-16le', 'utf-16be', 'utf16', 'ucs-2'])
/** Enough bytes to see a byte order mark or a compressed file's signature. */
const SNIFF_BYTES = 4
/** How far into the text the XML declaration must end. */
const DECLARATION_CHARS = 512

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte)
}

function sniff(bytes: Uint8Array): { encoding: Encoding; bomBytes: number } {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    throw new TmxError(
      'tmx.compressed',
      'line 1: the file is a ZIP archive; unzip it and import the .tmx inside',
      1,
    )
  }
  if (startsWith(bytes, [0x1f, 0x8b])) {
    throw new TmxError(
      'tmx.compressed',
      'line 1: the file is gzip-compressed; decompress it first',
      1,
    )
  }
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    throw new TmxError('tmx.encoding', 'line 1: the file is UTF-32; save it as UTF-8', 1)
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomBytes: 3 }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomBytes: 2 }
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomBytes: 2 }
  if (startsWith(bytes, [0x3c, 0x00]) || startsWith(bytes, [0x00, 0x3c])) {
    throw new TmxError('tmx.encoding', 'line 1: the file is UTF-16 without a byte order mark', 1)
  }
  return { encoding: 'utf-8', bomBytes: 0 }
}

function checkDeclaration(text: string, encoding: Encoding): void {
  const declaration = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/u.exec(text)
  const declared = declaration?.[1]?.toLowerCase()
  if (declared === undefined) return
  const fits = encoding === 'utf-8' ? UTF8_NAMES.has(declared) : UTF16_NAMES.has(declared)
  if (fits) return
  const actual = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'
  throw new TmxError(
    'tmx.encoding',
    UTF8_NAMES.has(declared) || UTF16_NAMES.has(declared)
      ? `line 1: the file declares ${declaration?.[1]} but its bytes are ${actual}`
      : `line 1: the file declares ${declaration?.[1]}; TMX files must be UTF-8 or UTF-16`,
    1,
  )
}

/** Turns a TMX file's bytes into text chunk by chunk; throws `TmxError` on bytes that lie. */
export interface XmlTextDecoder {
  /** The text of `bytes`; a character split across chunks comes out with the next one. */
  decode(bytes: Uint8Array): string
  /** The rest, once the last chunk has been decoded; throws on a truncated character. */
  end(): string
}

/** The line of the first undecodable byte in `bytes`, counting from `firstLine`. */
function lineOfBadBytes(bytes: Uint8Array, encoding: Encoding, firstLine: number): number {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes)
  const bad = text.indexOf('\uFFFD')
  let line = firstLine
  for (let at = text.indexOf('\n'); at >= 0 && at < bad; at = text.indexOf('\n', at + 1)) line++
  return line
}

/**
 * A streaming decoder for XML bytes: picks UTF-8 or UTF-16 from the byte order mark, checks the
 * XML declaration agrees, and refuses invalid byte sequences with the line they are on. Never
 * holds more than one chunk.
 */
export function createXmlTextDecoder(): XmlTextDecoder {
  let pending: Uint8Array | null = new Uint8Array(0)
  let decoder: StreamingTextDecoder | null = null
  let encoding: Encoding = 'utf-8'
  let head = ''
  let checked = false
  let line = 1

  const decodeChecked = (bytes: Uint8Array, stream: boolean): string => {
    let text: string
    try {
      text = decoder!.decode(bytes, { stream })
    } catch {
      const where = lineOfBadBytes(bytes, encoding, line)
      throw new TmxError(
        'tmx.encoding',
        `line ${where}: the bytes are not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'}`,
        where,
      )
    }
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) line++
    if (!checked) {
      head += text
      if (head.length >= DECLARATION_CHARS || !stream || head.includes('?>')) {
        checked = true
        checkDeclaration(head, encoding)
        head = ''
      }
    }
    return text
  }

  const begin = (bytes: Uint8Array, stream: boolean): string => {
    const sniffed = sniff(bytes)
    encoding = sniffed.encoding
    // fatal: a byte sequence the encoding cannot have is an error, never U+FFFD.
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true })
    pending = null
    return decodeChecked(bytes.subarray(sniffed.bomBytes), stream)
  }

  return {
    decode(bytes) {
      if (pending === null) return decodeChecked(bytes, true)
      const joined = new Uint8Array(pending.length + bytes.length)
      joined.set(pending)
      joined.set(bytes, pending.length)
      if (joined.length < SNIFF_BYTES) {
        pending = joined
        return ''
      }
      return begin(joined, true)
    },
    end() {
      if (pending !== null) return begin(pending, false)
      return decodeChecked(new Uint8Array(0), false)
    },
  }
}
