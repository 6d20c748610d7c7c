import { createHash } from 'node:crypto'
import { parseXliff12, parseXliff20, type ParsedXliff } from '@qalam/shared/formats'
import type { OriginalFile } from '../storage/index.ts'
import { decodeXmlFile } from './xmlFileEncoding.ts'

export type XliffFormat = 'xliff12' | 'xliff20'

export interface ReadXliff {
  parsed: ParsedXliff
  /** The upload as it came, to keep with the document. */
  original: OriginalFile
}

/**
 * Decodes and parses an uploaded XLIFF file. Throws `XmlEncodingError` or `XliffError` (both
 * naming the reason); stores nothing.
 */
export function readXliffFile(bytes: Uint8Array, format: XliffFormat, name: string): ReadXliff {
  const decoded = decodeXmlFile(bytes)
  const parsed = format === 'xliff12' ? parseXliff12(decoded.text) : parseXliff20(decoded.text)
  return {
    parsed,
    original: {
      format,
      encoding: decoded.encoding,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.slice(),
      name,
    },
  }
}
