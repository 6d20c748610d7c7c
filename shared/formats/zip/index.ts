/*
 * Safe zip reading and writing for office files from the network.
 *
 *   readZip(bytes, limits?)   -> ZipArchive { entries, entry(name), read(entry), readText(entry) }
 *   writeZip(outputs)         -> bytes; `{ kind: 'copy', entry }` keeps an entry's compressed
 *                                bytes, `{ kind: 'new', name, data }` deflates new content
 *   detectContainer(bytes)    -> 'zip' | 'ole' (encrypted Word, old .doc) | 'other'
 *   hasMacros(archive)        -> vbaProject.bin or a macro-enabled content type
 *
 * Every refusal is a ZipError with a `code`: corrupt, too_many_entries, too_large,
 * entry_too_large, ratio (zip bomb), traversal, absolute_path, bad_name, duplicate,
 * encrypted, unsupported (ZIP64, multi-part, unknown compression).
 */
export { ZipError, type ZipErrorCode } from './zipError.ts'
export {
  DEFAULT_ZIP_LIMITS,
  readZip,
  type ZipArchive,
  type ZipEntry,
  type ZipLimits,
} from './readZip.ts'
export { writeZip, type ZipOutput } from './writeZip.ts'
export { detectContainer, hasMacros, type Container } from './detectContainer.ts'
export { crc32 } from './crc32.ts'
