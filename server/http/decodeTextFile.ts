import { decodeBytes, UndecodableError, type Encoding } from '../encoding/index.ts'
import { ImportError } from './errors.ts'

const NUL = 0x00
/** C0 controls a text file may contain: tab, line feed, form feed, carriage return. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d])
/** More C0 controls than this share of the bytes and it is not text. */
const MAX_CONTROL_SHARE = 0.01

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte)
}

function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0
  for (const byte of bytes) {
    if (byte === NUL) return true
    if (byte < 0x20 && !TEXT_CONTROLS.has(byte)) controls++
  }
  return controls > bytes.length * MAX_CONTROL_SHARE
}

/** `looksBinary` for decoded text: the same NUL and control-character rules, on code units. */
function looksBinaryText(text: string): boolean {
  let controls = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === NUL) return true
    if (unit < 0x20 && !TEXT_CONTROLS.has(unit)) controls++
  }
  return controls > text.length * MAX_CONTROL_SHARE
}

/**
 * Decodes an uploaded file as UTF-8 (a leading BOM is dropped) or throws an ImportError saying
 * why it is not a UTF-8 text: empty, UTF-16, invalid UTF-8, or binary (NUL or many controls).
 * Control bytes can be counted on the raw bytes because UTF-8 never uses bytes below 0x20 for
 * anything but those characters.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes
  if (body.length === 0) throw new ImportError('import.empty', 'The file is empty.')
  if (startsWith(body, [0xff, 0xfe]) || startsWith(body, [0xfe, 0xff])) {
    throw new ImportError(
      'import.not_utf8',
      'The file is UTF-16; send encoding=utf-16le or utf-16be (see the preview).',
    )
  }
  if (looksBinary(body)) throw new ImportError('import.binary', 'The file is not a text file.')
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
  } catch {
    throw new ImportError(
      'import.not_utf8',
      'The file is not valid UTF-8; send the encoding it is in (see the preview).',
    )
  }
}

/**
 * Decodes an upload in the encoding the user confirmed (UTF-8 rules as above when absent); a
 * leading byte-order mark is dropped. Throws an ImportError when the bytes are empty, binary
 * or not valid in that encoding.
 */
export function decodeTextFileAs(bytes: Uint8Array, encoding: Encoding | undefined): string {
  if (encoding === undefined || encoding === 'utf-8') return decodeTextFile(bytes)
  if (bytes.length === 0) throw new ImportError('import.empty', 'The file is empty.')
  // UTF-16 text is full of NUL bytes; the control-character check applies to what it decodes to.
  if (!encoding.startsWith('utf-16') && looksBinary(bytes)) {
    throw new ImportError('import.binary', 'The file is not a text file.')
  }
  let text: string
  try {
    text = decodeBytes(bytes, encoding).replace(/^\uFEFF/, '')
  } catch (error) {
    if (!(error instanceof UndecodableError)) throw error
    throw new ImportError('import.undecodable', `The file is not valid ${encoding}.`)
  }
  if (text.length === 0) throw new ImportError('import.empty', 'The file is empty.')
  if (looksBinaryText(text)) throw new ImportError('import.binary', 'The file is not a text file.')
  return text
}
