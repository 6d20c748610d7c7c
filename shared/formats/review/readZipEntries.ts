import { Inflate, strFromU8 } from 'fflate'

/*
 * Reads named entries of a ZIP archive (a DOCX) with limits checked while inflating, so a zip
 * bomb stops at the first byte past the limit instead of filling memory: sizes the archive
 * declares are not trusted. Only what a DOCX uses is read: stored and deflated entries, no
 * ZIP64, no encryption. (A shared safe ZIP reader is planned in shared/formats/zip; this one
 * has the same contract, a map of names to bytes or a `ZipError`, to be easy to switch.)
 */

export type ZipErrorCode = 'not_zip' | 'too_large' | 'unsupported'

export class ZipError extends Error {
  override name = 'ZipError'
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export interface ZipLimits {
  /** Entries in the central directory. */
  maxEntries: number
  /** Bytes of one inflated entry. */
  maxEntryBytes: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 5000, maxEntryBytes: 50_000_000 }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
/** Compressed bytes handed to the inflater at a time: bounds how far one step can overshoot. */
const INFLATE_STEP = 1024

interface CentralEntry {
  name: string
  method: number
  flags: number
  compressedSize: number
  localOffset: number
}

function u16(bytes: Uint8Array, at: number): number {
  if (at + 2 > bytes.length) throw new ZipError('not_zip', 'the archive is cut short')
  return bytes[at]! | (bytes[at + 1]! << 8)
}

function u32(bytes: Uint8Array, at: number): number {
  if (at + 4 > bytes.length) throw new ZipError('not_zip', 'the archive is cut short')
  return (
    (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
  )
}

function findEndOfDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === EOCD) return at
  }
  throw new ZipError('not_zip', 'the file is not a ZIP archive')
}

function readDirectory(bytes: Uint8Array, limits: ZipLimits): CentralEntry[] {
  const end = findEndOfDirectory(bytes)
  const count = u16(bytes, end + 10)
  const offset = u32(bytes, end + 16)
  if (count === 0xffff || offset === 0xffffffff) {
    throw new ZipError('unsupported', 'ZIP64 archives are not read')
  }
  if (count > limits.maxEntries) {
    throw new ZipError('too_large', `the archive has more than ${limits.maxEntries} entries`)
  }
  const entries: CentralEntry[] = []
  let at = offset
  for (let index = 0; index < count; index++) {
    if (u32(bytes, at) !== CENTRAL) throw new ZipError('not_zip', 'the ZIP directory is damaged')
    const nameLength = u16(bytes, at + 28)
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32)
    if (next > bytes.length) throw new ZipError('not_zip', 'the ZIP directory is cut short')
    entries.push({
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      localOffset: u32(bytes, at + 42),
    })
    at = next
  }
  return entries
}

function inflateEntry(bytes: Uint8Array, entry: CentralEntry, limits: ZipLimits): Uint8Array {
  if (u32(bytes, entry.localOffset) !== LOCAL) {
    throw new ZipError('not_zip', `the entry ${entry.name} is damaged`)
  }
  if (entry.flags & 1) throw new ZipError('unsupported', `the entry ${entry.name} is encrypted`)
  const start =
    entry.localOffset + 30 + u16(bytes, entry.localOffset + 26) + u16(bytes, entry.localOffset + 28)
  const end = start + entry.compressedSize
  if (end > bytes.length) throw new ZipError('not_zip', `the entry ${entry.name} is cut short`)
  const data = bytes.subarray(start, end)
  const tooLarge = () =>
    new ZipError('too_large', `the entry ${entry.name} inflates past ${limits.maxEntryBytes} bytes`)
  if (entry.method === 0) {
    if (data.length > limits.maxEntryBytes) throw tooLarge()
    return data.slice()
  }
  if (entry.method !== 8) {
    throw new ZipError('unsupported', `the entry ${entry.name} uses compression ${entry.method}`)
  }
  const chunks: Uint8Array[] = []
  let total = 0
  const inflater = new Inflate((chunk) => {
    total += chunk.length
    if (total > limits.maxEntryBytes) throw tooLarge()
    chunks.push(chunk)
  })
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      inflater.push(data.subarray(at, at + INFLATE_STEP), at + INFLATE_STEP >= data.length)
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true)
  } catch (error) {
    if (error instanceof ZipError) throw error
    throw new ZipError('not_zip', `the entry ${entry.name} cannot be inflated`)
  }
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * The inflated bytes of each entry of `names` the archive holds (absent names are absent from
 * the map). Throws `ZipError` for a file that is not a ZIP archive, a damaged or unsupported
 * one, or an entry that inflates past the limit.
 */
export function readZipEntries(
  bytes: Uint8Array,
  names: readonly string[],
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  const wanted = new Set(names)
  const found = new Map<string, Uint8Array>()
  for (const entry of readDirectory(bytes, limits)) {
    if (!wanted.has(entry.name) || found.has(entry.name)) continue
    found.set(entry.name, inflateEntry(bytes, entry, limits))
  }
  return found
}
