import {
  DocxError,
  ZipError,
  type DocxErrorCode,
  type TrackedChanges,
  type ZipErrorCode,
} from '@qalam/shared/formats'
import type { CustomRules } from '@qalam/shared/segmentation'
import type { SegmentInit } from '@qalam/shared/model'
import {
  OriginalCorruptError,
  exportDocx,
  readDocxFile,
  type DocxExport,
  type DocxExportView,
} from '../formats/index.ts'
import type { DocumentStore, OriginalFile } from '../storage/index.ts'
import { AppError, ExportError, ImportError, type ErrorCode } from './errors.ts'
import { requireDistinctLanguages } from './importFields.ts'

/*
 * The HTTP side of DOCX: the import that refuses hostile or unreadable packages with a code
 * naming the reason (and keeps the original for the export), and the export into it.
 */

type ImportCode = Extract<ErrorCode, `import.${string}`>

const DOCX_CODES: Readonly<Record<Exclude<DocxErrorCode, 'mismatch'>, ImportCode>> = {
  not_docx: 'import.not_docx',
  encrypted: 'import.encrypted',
  macros: 'import.macros',
  tracked_changes: 'import.docx_tracked_changes',
  malformed: 'import.docx_malformed',
  dtd: 'import.docx_dtd',
  too_large: 'import.docx_too_large',
}

const ZIP_CODES: Readonly<Record<ZipErrorCode, ImportCode>> = {
  corrupt: 'import.zip_corrupt',
  too_many_entries: 'import.zip_bomb',
  too_large: 'import.zip_bomb',
  entry_too_large: 'import.zip_bomb',
  ratio: 'import.zip_bomb',
  traversal: 'import.zip_unsafe_path',
  absolute_path: 'import.zip_unsafe_path',
  bad_name: 'import.zip_unsafe_path',
  duplicate: 'import.zip_duplicate',
  encrypted: 'import.encrypted',
  unsupported: 'import.zip_unsupported',
}

/** The ImportError for a DOCX or zip refusal; anything else passes through. */
export function docxImportError(error: unknown): unknown {
  if (error instanceof ZipError)
    return new ImportError(ZIP_CODES[error.code], `The file: ${error.message}.`)
  if (error instanceof DocxError && error.code !== 'mismatch') {
    return new ImportError(DOCX_CODES[error.code], `The DOCX file: ${error.message}.`)
  }
  return error
}

export interface DocxImportRequest {
  bytes: Uint8Array
  fileName: string
  sourceLang: string
  targetLang: string
  sameLanguage: boolean
  rules: CustomRules | undefined
  trackedChanges: TrackedChanges
}

export interface DocxImport {
  segments: SegmentInit[]
  original: OriginalFile
}

/** Reads and checks a DOCX upload (in an import worker); stores nothing. */
export function readDocxImport(request: DocxImportRequest): DocxImport {
  requireDistinctLanguages(request.sourceLang, request.targetLang, request.sameLanguage)
  let read: ReturnType<typeof readDocxFile>
  try {
    read = readDocxFile(request.bytes, request.fileName, {
      lang: request.sourceLang,
      trackedChanges: request.trackedChanges,
      ...(request.rules ? { rules: request.rules } : {}),
    })
  } catch (error) {
    throw docxImportError(error)
  }
  if (read.parsed.segments.length === 0) {
    throw new ImportError('import.no_segments', 'The file has no text to translate.')
  }
  return { segments: read.parsed.segments, original: read.original }
}

/** The original Word file the DOCX export writes into, or `export.no_original`. */
export async function loadDocxOriginal(
  store: DocumentStore,
  documentId: string,
): Promise<OriginalFile> {
  const original = await store.loadOriginal(documentId)
  if (!original || original.format !== 'docx') {
    throw new ExportError(
      'export.no_original',
      'DOCX is written into the Word file the document was imported from; this document has none.',
    )
  }
  return original
}

/**
 * A document's export view written into its original DOCX (in an export worker: a 300-page
 * file takes seconds); a stored original that no longer fits is `export.original_mismatch`.
 */
export function writeDocxExport(view: DocxExportView, original: OriginalFile): DocxExport {
  try {
    return exportDocx(view, original)
  } catch (error) {
    if (error instanceof AppError) throw error
    if (
      error instanceof OriginalCorruptError ||
      error instanceof DocxError ||
      error instanceof ZipError
    ) {
      throw new ExportError('export.original_mismatch', error.message)
    }
    throw error
  }
}

/** A Word file has no encoding to choose: an `encoding` sent with one is a client bug. */
export function requireNoEncoding(encoding: string | undefined): void {
  if (encoding === undefined) return
  throw new ImportError(
    'import.encoding_conflict',
    `A DOCX file is not read in an encoding; encoding=${encoding} applies to text files only.`,
  )
}
