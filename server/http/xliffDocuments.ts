import type * as Y from 'yjs'
import type { ExportPolicy } from '@qalam/shared/export'
import { XliffError, declaredXmlEncoding } from '@qalam/shared/formats'
import { canonicalLanguage } from '@qalam/shared/text'
import type { DocumentFormat, SegmentInit } from '@qalam/shared/model'
import {
  OriginalCorruptError,
  XmlEncodingError,
  decodeXmlFile,
  detectFormat,
  exportXliff,
  readXliffFile,
  type XliffExport,
  type XliffFormat,
} from '../formats/index.ts'
import type { DocumentStore, OriginalFile } from '../storage/index.ts'
import { isEncoding } from '../encoding/index.ts'
import { AppError, ExportError, ImportError } from './errors.ts'
import { requireDistinctLanguages } from './importFields.ts'

/*
 * The HTTP side of XLIFF: which format an upload is (by content), the import that keeps the
 * original file, and the export that writes targets back into it. Format errors become
 * ImportErrors naming the reason; nothing is stored before the whole file has been read.
 */

/** The format to import `bytes` as; refuses an XLIFF version we do not read, or a mismatch. */
export function requireImportFormat(
  bytes: Uint8Array,
  asked: DocumentFormat | 'auto' | undefined,
): DocumentFormat {
  const detected = detectFormat(bytes)
  if (detected === 'ole') {
    throw new ImportError(
      'import.encrypted',
      'The file is a password-protected (encrypted) Word file or an old binary .doc: save it as an unprotected .docx.',
    )
  }
  if (detected === 'other-xliff') {
    throw new ImportError(
      'import.xliff_version',
      'The file is XLIFF of a version we do not read (1.2 and 2.x are supported).',
    )
  }
  if (asked !== undefined && asked !== 'auto' && asked !== detected) {
    throw new ImportError(
      'import.format_mismatch',
      `The file was sent as ${asked} but its content is ${detected === 'txt' ? 'plain text' : detected === 'docx' ? 'a zip package' : detected}.`,
    )
  }
  return detected
}

const IMPORT_CODES = {
  malformed: 'import.xliff_malformed',
  dtd: 'import.xliff_dtd',
  too_large: 'import.xliff_too_large',
  not_xliff: 'import.not_xliff',
  unknown_version: 'import.xliff_version',
  wrong_version: 'import.xliff_version',
  mismatch: 'import.xliff_malformed',
} as const

function importErrorFrom(error: unknown): unknown {
  if (error instanceof XliffError) return new ImportError(IMPORT_CODES[error.code], error.message)
  if (error instanceof XmlEncodingError)
    return new ImportError('import.xml_encoding', error.message)
  return error
}

/**
 * An XLIFF file names its own encoding (byte-order mark or prolog), and that is the one it is
 * read in. An `encoding` sent with it (the plain-text picker's field) must be that one: any
 * other would be a client reading the file one way while the server reads it another.
 */
export function requireOwnXmlEncoding(bytes: Uint8Array, asked: string | undefined): void {
  if (asked === undefined) return
  const own = declaredXmlEncoding(bytes).encoding
  const same = own === asked || (own === 'utf-16' && asked === 'utf-16le')
  if (!same) {
    throw new ImportError(
      'import.encoding_conflict',
      `The XLIFF file declares the encoding ${own}; it cannot be read as ${asked}.`,
    )
  }
}

/** An XLIFF upload's text in the encoding it declares, or the import error saying why not. */
export function decodeXliffUpload(bytes: Uint8Array): { text: string; encoding: string } {
  try {
    const decoded = decodeXmlFile(bytes)
    return { text: decoded.text, encoding: decoded.encoding }
  } catch (error) {
    throw importErrorFrom(error)
  }
}

export interface XliffImportRequest {
  bytes: Uint8Array
  format: XliffFormat
  fileName: string
  /** The form's languages, used where the file names none. */
  sourceLang: string
  targetLang: string
  sameLanguage: boolean
}

/** What an XLIFF upload holds once read and checked, ready to be built into a document. */
export interface XliffImport {
  segments: SegmentInit[]
  sourceLang: string
  targetLang: string
  /** A plain-text export's "original" encoding: the XLIFF file's own. */
  sourceEncoding: string
  original: OriginalFile
}

/**
 * Reads and checks an XLIFF upload (in an import worker: parsing a large file takes seconds);
 * stores nothing, throws the ImportError saying what is wrong.
 */
export function readXliffImport(request: XliffImportRequest): XliffImport {
  let read: ReturnType<typeof readXliffFile>
  try {
    read = readXliffFile(request.bytes, request.format, request.fileName)
  } catch (error) {
    throw importErrorFrom(error)
  }
  const segments = read.parsed.segments
  if (segments.length === 0) {
    throw new ImportError('import.no_segments', 'The file has no text to translate.')
  }
  // The file's own languages win: the export goes back to a tool that expects them.
  const sourceLang = canonicalLanguage(read.parsed.sourceLang ?? '') ?? request.sourceLang
  const targetLang = canonicalLanguage(read.parsed.targetLang ?? '') ?? request.targetLang
  requireDistinctLanguages(sourceLang, targetLang, request.sameLanguage)
  return {
    segments,
    sourceLang,
    targetLang,
    sourceEncoding: isEncoding(read.original.encoding) ? read.original.encoding : 'utf-8',
    original: read.original,
  }
}

/** The XLIFF export of a document, from its original file when it has one of that format. */
export async function exportXliffDocument(
  store: DocumentStore,
  documentId: string,
  doc: Y.Doc,
  format: XliffFormat,
  policy: ExportPolicy,
): Promise<XliffExport & { fileName: string | null }> {
  const original = await store.loadOriginal(documentId)
  try {
    const exported = exportXliff(doc, format, original, policy)
    return { ...exported, fileName: exported.isRoundTrip && original ? original.name : null }
  } catch (error) {
    if (error instanceof AppError) throw error
    if (error instanceof XliffError || error instanceof OriginalCorruptError) {
      throw new ExportError('export.original_mismatch', error.message)
    }
    throw error
  }
}
