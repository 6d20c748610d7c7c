import { Inflate, strFromU8 } from 'fflate'
import { crc32 } from './crc32.ts'
import { ZipError } from './zipError.ts'

/*
 * A zip reader for files from the network. It reads the central directory, refuses what could
 * hurt (too many entries, declared or actual sizes past the limits, compression ratios of a zip
 * bomb, names that climb out of a folder or are absolute, duplicates, encryption) and inflates
 * an entry only when asked, counting the bytes as they come out, so a lying header cannot make
 * it allocate more than the limits. Pure: no Node APIs.
 */

export interface ZipLimits {
  /** Entries in the central directory, folders included. */
  maxEntries: number
  /** Uncompressed bytes of all entries together (declared, and counted while inflating). */
  maxTotalSize: number
  /** Uncompressed bytes of one entry. */
  maxEntrySize: number
  /** Uncompressed / compressed bytes of one entry, checked for entries over `ratioFloor`. */
  maxRatio: number
  /** Entries smaller than this many uncompressed bytes may have any ratio. */
  ratioFloor: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalSize: 512 * 1024 * 1024,
  maxEntrySize: 256 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 1024 * 1024,
}

/** One file of the archive as its central directory describes it. */
export interface ZipEntry {
  /** The name as stored (UTF-8 decoded), `/` separated. */
  name: string
  /** The name's stored bytes, to write it back exactly. */
  nameBytes: Uint8Array
  isDirectory: boolean
  /** 0 stored, 8 deflated. */
  method: 0 | 8
  crc32: number
  compressedSize: number
  size: number
  /** MS-DOS time and date fields, kept to write the entry back. */
  dosTime: number
  dosDate: number
  /** General purpose flags as stored (bit 11: UTF-8 name). */
  flags: number
  /** The compressed bytes: a view into the archive, not a copy. */
  compressed: Uint8Array
}

export interface ZipArchive {
  /** Entries in central-directory order. */
  entries: readonly ZipEntry[]
  /** The entry of that exact name, or undefined. */
  entry(name: string): ZipEntry | undefined
  /** The entry's bytes; throws ZipError past the limits or when the data is corrupt. */
  read(entry: ZipEntry): Uint8Array
  /** The entry's bytes decoded as UTF-8 (a byte-order mark dropped). */
  readText(entry: ZipEntry): string
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const INFLATE_CHUNK = 4096

/** Opens a zip archive held in memory; throws ZipError for anything it refuses. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const eocd = findEndOfCentralDirectory(bytes, view)
  const count = view.getUint16(eocd + 10, true)
  const directorySize = view.getUint32(eocd + 12, true)
  const directoryOffset = view.getUint32(eocd + 16, true)
  if (count === 0xffff || directoryOffset === 0xffffffff) {
    throw new ZipError('unsupported', 'ZIP64 archives are not supported')
  }
  if (count > limits.maxEntries) {
    throw new ZipError('too_many_entries', `the archive has more than ${limits.maxEntries} entries`)
  }
  if (directoryOffset + directorySize > eocd) {
    throw new ZipError('corrupt', 'the central directory lies outside the archive')
  }
  const entries: ZipEntry[] = []
  const byName = new Map<string, ZipEntry>()
  const folded = new Set<string>()
  let declaredTotal = 0
  let at = directoryOffset
  for (let index = 0; index < count; index++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL) {
      throw new ZipError('corrupt', `central directory entry ${index} is damaged`)
    }
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const entryCrc = view.getUint32(at + 16, true)
    const compressedSize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const localOffset = view.getUint32(at + 42, true)
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength)
    if (at + 46 + nameLength > eocd) throw new ZipError('corrupt', 'an entry name is cut off')
    const name = decodeName(nameBytes)
    checkName(name)
    if (flags & 0x1 || method === 99) {
      throw new ZipError('encrypted', `"${name}" is encrypted`)
    }
    if (method !== 0 && method !== 8) {
      throw new ZipError('unsupported', `"${name}" uses compression method ${method}`)
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      throw new ZipError('unsupported', 'ZIP64 entries are not supported')
    }
    if (byName.has(name)) throw new ZipError('duplicate', `"${name}" appears twice`)
    const foldedName = name.normalize('NFC').toLowerCase()
    if (folded.has(foldedName)) {
      throw new ZipError('duplicate', `"${name}" appears twice (letter case aside)`)
    }
    if (size > limits.maxEntrySize) {
      throw new ZipError(
        'entry_too_large',
        `"${name}" would be more than ${limits.maxEntrySize} bytes`,
      )
    }
    declaredTotal += size
    if (declaredTotal > limits.maxTotalSize) {
      throw new ZipError(
        'too_large',
        `the archive would unpack to more than ${limits.maxTotalSize} bytes`,
      )
    }
    checkRatio(name, size, compressedSize, limits)
    const compressed = localData(bytes, view, localOffset, compressedSize, name)
    const entry: ZipEntry = {
      name,
      nameBytes,
      isDirectory: name.endsWith('/'),
      method: method as 0 | 8,
      crc32: entryCrc,
      compressedSize,
      size,
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      flags,
      compressed,
    }
    entries.push(entry)
    byName.set(name, entry)
    folded.add(foldedName)
    at += 46 + nameLength + extraLength + commentLength
  }

  let inflatedTotal = 0
  const read = (entry: ZipEntry): Uint8Array => {
    const budget = Math.min(entry.size, limits.maxTotalSize - inflatedTotal)
    const data = entry.method === 0 ? entry.compressed.slice() : inflateCounted(entry, budget)
    if (data.length !== entry.size) {
      throw new ZipError('corrupt', `"${entry.name}" does not have its declared size`)
    }
    if (crc32(data) !== entry.crc32) throw new ZipError('corrupt', `"${entry.name}" fails its CRC`)
    inflatedTotal += data.length
    return data
  }
  return {
    entries,
    entry: (name) => byName.get(name),
    read,
    readText: (entry) => strFromU8(read(entry)).replace(/^\uFEFF/, ''),
  }
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === EOCD) {
      if (view.getUint16(at + 4, true) !== 0 || view.getUint16(at + 6, true) !== 0) {
        throw new ZipError('unsupported', 'multi-part archives are not supported')
      }
      return at
    }
  }
  throw new ZipError('corrupt', 'not a zip archive (no end of central directory)')
}

/** UTF-8 (what office writers use); bytes that are not UTF-8 are read one byte a character. */
function decodeName(bytes: Uint8Array): string {
  try {
    return strFromU8(bytes)
  } catch {
    // Not UTF-8: an old CP437 name. Reading it byte by byte keeps it unique and checkable.
    return strFromU8(bytes, true)
  }
}

/** Refuses names that could escape a folder or mean something else on another system. */
function checkName(name: string): void {
  if (name.length === 0 || name.includes('\u0000')) {
    throw new ZipError('bad_name', 'an entry has an empty or invalid name')
  }
  if (name.includes('\\')) throw new ZipError('bad_name', `"${name}" uses backslashes`)
  if (/^[a-zA-Z]:/.test(name)) throw new ZipError('absolute_path', `"${name}" names a drive`)
  if (name.startsWith('/')) throw new ZipError('absolute_path', `"${name}" is an absolute path`)
  if (name.split('/').some((part) => part === '..')) {
    throw new ZipError('traversal', `"${name}" climbs out of the archive with ".."`)
  }
}

function checkRatio(name: string, size: number, compressedSize: number, limits: ZipLimits): void {
  if (size < limits.ratioFloor) return
  if (size > compressedSize * limits.maxRatio) {
    throw new ZipError('ratio', `"${name}" is compressed more than ${limits.maxRatio} to 1`)
  }
}

function localData(
  bytes: Uint8Array,
  view: DataView,
  offset: number,
  compressedSize: number,
  name: string,
): Uint8Array {
  if (offset + 30 > bytes.length || view.getUint32(offset, true) !== LOCAL) {
    throw new ZipError('corrupt', `the local header of "${name}" is missing`)
  }
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true)
  if (start + compressedSize > bytes.length) {
    throw new ZipError('corrupt', `the data of "${name}" is cut off`)
  }
  return bytes.subarray(start, start + compressedSize)
}

/** Inflates in small pushes and stops as soon as the output passes `budget` bytes. */
function inflateCounted(entry: ZipEntry, budget: number): Uint8Array {
  const chunks: Uint8Array[] = []
  let produced = 0
  const inflate = new Inflate((chunk) => {
    produced += chunk.length
    if (produced > budget) {
      throw new ZipError(
        produced > entry.size ? 'ratio' : 'too_large',
        `"${entry.name}" inflates past its declared size or the archive limit`,
      )
    }
    chunks.push(chunk)
  })
  const source = entry.compressed
  try {
    for (let at = 0; at < source.length; at += INFLATE_CHUNK) {
      const end = Math.min(at + INFLATE_CHUNK, source.length)
      inflate.push(source.subarray(at, end), end === source.length)
    }
    if (source.length === 0) inflate.push(new Uint8Array(0), true)
  } catch (error) {
    if (error instanceof ZipError) throw error
    throw new ZipError('corrupt', `"${entry.name}" is not valid deflate data`)
  }
  const out = new Uint8Array(produced)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
