import type { ExportPolicy } from '@qalam/shared/export'
import { XliffError, declaredXmlEncoding } from '@qalam/shared/formats'
import { canonicalLanguage } from '@qalam/shared/text'
import {
  TEXT_FORMATS,
  type DocumentExportView,
  type DocumentFormat,
  type SegmentInit,
} from '@qalam/shared/model'
import {
  OriginalCorruptError,
  XmlEncodingError,
  decodeXmlFile,
  detectFormat,
  exportXliff,
  readXliffFile,
  type DetectedFormat,
  type XliffExport,
  type XliffFormat,
} from '../formats/index.ts'
import type { OriginalFile } from '../storage/index.ts'
import { isEncoding } from '../encoding/index.ts'
import { AppError, ExportError, ImportError } from './errors.ts'
import { requireDistinctLanguages } from './importFields.ts'

/*
 * The HTTP side of XLIFF: which format an upload is (by content), the import that keeps the
 * original file, and the export that writes targets back into it. Format errors become
 * ImportErrors naming the reason; nothing is stored before the whole file has been read.
 */

const FORMAT_NAMES: Record<Exclude<DetectedFormat, 'other-xliff' | 'ole'>, string> = {
  txt: 'plain text',
  md: 'Markdown',
  html: 'HTML',
  xliff12: 'XLIFF 1.2',
  xliff20: 'XLIFF 2',
  docx: 'a zip package (DOCX)',
  binary: 'not text',
}

/**
 * The format to import `bytes` as: the one its content shows, or the user's choice among the
 * text formats when the content is text of one of them (Markdown and plain text cannot be told
 * apart for sure, and any text can be read as either). Refuses an XLIFF version we do not read
 * and a choice the content contradicts (`html` for a zip, `xliff12` for a text); refuses an
 * OLE file (an encrypted Word file or a binary .doc) whatever the choice.
 */
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
  if (asked === undefined || asked === 'auto') return detected === 'binary' ? 'txt' : detected
  if (asked === detected) return asked
  if (TEXT_FORMATS.includes(asked) && detected !== 'binary' && TEXT_FORMATS.includes(detected)) {
    return asked
  }
  throw new ImportError(
    'import.format_mismatch',
    `The file was sent as ${asked} but its content is ${FORMAT_NAMES[detected]}.`,
  )
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
  if (segments.every((segment) => segment.isProtected === true)) {
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

/**
 * The view written as XLIFF: into the imported file when it was one of this version, else as
 * a new file. A stored original that no longer fits is `export.original_mismatch`.
 */
export function writeXliffExport(
  view: DocumentExportView,
  format: XliffFormat,
  original: OriginalFile | null,
  policy: ExportPolicy,
): XliffExport & { fileName: string | null } {
  try {
    const exported = exportXliff(view, format, original, policy)
    return { ...exported, fileName: exported.isRoundTrip && original ? original.name : null }
  } catch (error) {
    if (error instanceof AppError) throw error
    if (error instanceof XliffError || error instanceof OriginalCorruptError) {
      throw new ExportError('export.original_mismatch', error.message)
    }
    throw error
  }
}
