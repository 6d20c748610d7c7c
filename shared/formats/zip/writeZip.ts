import { deflateSync, strToU8 } from 'fflate'
import { crc32 } from './crc32.ts'
import type { ZipEntry } from './readZip.ts'

/*
 * Writes a zip archive from entries copied from another archive (their compressed bytes
 * unchanged) and entries with new content (deflated here). Used to rebuild an office file:
 * every part we do not change keeps its exact bytes.
 */

export type ZipOutput =
  | { kind: 'copy'; entry: ZipEntry }
  | { kind: 'new'; name: string; data: Uint8Array; dosTime?: number; dosDate?: number }

interface Written {
  nameBytes: Uint8Array
  flags: number
  method: number
  dosTime: number
  dosDate: number
  crc32: number
  compressedSize: number
  size: number
  compressed: Uint8Array
  offset: number
}

/** The archive's bytes, entries in the given order. */
export function writeZip(outputs: readonly ZipOutput[]): Uint8Array {
  const written: Written[] = []
  let offset = 0
  for (const output of outputs) {
    const item = toWritten(output, offset)
    written.push(item)
    offset += 30 + item.nameBytes.length + item.compressed.length
  }
  const directoryStart = offset
  const directorySize = written.reduce((sum, item) => sum + 46 + item.nameBytes.length, 0)
  const out = new Uint8Array(offset + directorySize + 22)
  const view = new DataView(out.buffer)
  for (const item of written) {
    const at = item.offset
    view.setUint32(at, 0x04034b50, true)
    view.setUint16(at + 4, 20, true)
    writeCommon(view, at + 6, item)
    view.setUint16(at + 28, 0, true)
    out.set(item.nameBytes, at + 30)
    out.set(item.compressed, at + 30 + item.nameBytes.length)
  }
  let at = directoryStart
  for (const item of written) {
    view.setUint32(at, 0x02014b50, true)
    view.setUint16(at + 4, 20, true)
    view.setUint16(at + 6, 20, true)
    writeCommon(view, at + 8, item)
    // extra, comment, disk, internal and external attributes stay 0
    view.setUint32(at + 42, item.offset, true)
    out.set(item.nameBytes, at + 46)
    at += 46 + item.nameBytes.length
  }
  view.setUint32(at, 0x06054b50, true)
  view.setUint16(at + 8, written.length, true)
  view.setUint16(at + 10, written.length, true)
  view.setUint32(at + 12, directorySize, true)
  view.setUint32(at + 16, directoryStart, true)
  return out
}

/** flags, method, time, date, crc, sizes, name length: the run both headers share. */
function writeCommon(view: DataView, at: number, item: Written): void {
  view.setUint16(at, item.flags, true)
  view.setUint16(at + 2, item.method, true)
  view.setUint16(at + 4, item.dosTime, true)
  view.setUint16(at + 6, item.dosDate, true)
  view.setUint32(at + 8, item.crc32, true)
  view.setUint32(at + 12, item.compressedSize, true)
  view.setUint32(at + 16, item.size, true)
  view.setUint16(at + 20, item.nameBytes.length, true)
}

function toWritten(output: ZipOutput, offset: number): Written {
  if (output.kind === 'copy') {
    const { entry } = output
    return {
      nameBytes: entry.nameBytes,
      // Only the UTF-8 name flag survives: sizes now sit in the header, not a data descriptor.
      flags: entry.flags & 0x0800,
      method: entry.method,
      dosTime: entry.dosTime,
      dosDate: entry.dosDate,
      crc32: entry.crc32,
      compressedSize: entry.compressed.length,
      size: entry.size,
      compressed: entry.compressed,
      offset,
    }
  }
  const compressed = deflateSync(output.data, { level: 6 })
  return {
    nameBytes: strToU8(output.name),
    flags: 0x0800,
    method: 8,
    dosTime: output.dosTime ?? 0,
    dosDate: output.dosDate ?? 0x21,
    crc32: crc32(output.data),
    compressedSize: compressed.length,
    size: output.data.length,
    compressed,
    offset,
  }
}
