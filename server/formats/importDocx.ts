import { createHash } from 'node:crypto'
import { parseDocx, type DocxImportOptions, type ParsedDocx } from '@qalam/shared/formats'
import type { OriginalFile } from '../storage/index.ts'

export interface ReadDocx {
  parsed: ParsedDocx
  /** The upload as it came, to keep with the document: the export writes into it. */
  original: OriginalFile
}

/** Parses an uploaded DOCX; throws DocxError or ZipError naming the reason; stores nothing. */
export function readDocxFile(
  bytes: Uint8Array,
  name: string,
  options: DocxImportOptions,
): ReadDocx {
  const parsed = parseDocx(bytes, options)
  return {
    parsed,
    original: {
      format: 'docx',
      encoding: 'utf-8',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.slice(),
      name,
    },
  }
}
