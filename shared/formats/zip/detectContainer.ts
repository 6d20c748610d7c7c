import type { ZipArchive } from './readZip.ts'

/*
 * What kind of container a file is, from its first bytes, and whether an office zip carries
 * macros. A password-protected Word file is not a zip at all: Word wraps it, encrypted, in an
 * OLE compound file (CFB), which is also the container of the old binary .doc.
 */

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export type Container = 'zip' | 'ole' | 'other'

/** `zip` for a local-file or empty-archive signature, `ole` for a compound file. */
export function detectContainer(bytes: Uint8Array): Container {
  if (OLE_MAGIC.every((byte, index) => bytes[index] === byte)) return 'ole'
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const third = bytes[2]
    const fourth = bytes[3]
    if ((third === 3 && fourth === 4) || (third === 5 && fourth === 6)) return 'zip'
  }
  return 'other'
}

const MACRO_CONTENT_TYPE = /macroEnabled|vbaProject|vbaData/i

/**
 * True when an office archive holds macros: a `vbaProject.bin` (or VBA data) part anywhere,
 * or `[Content_Types].xml` declaring a macro-enabled main part (.docm, .dotm, .xlsm...).
 */
export function hasMacros(archive: ZipArchive): boolean {
  for (const entry of archive.entries) {
    const base = entry.name.slice(entry.name.lastIndexOf('/') + 1).toLowerCase()
    if (base === 'vbaproject.bin' || base === 'vbadata.xml') return true
  }
  const types = archive.entry('[Content_Types].xml')
  return types !== undefined && MACRO_CONTENT_TYPE.test(archive.readText(types))
}
