import type { ExportPolicy } from '@qalam/shared/export'
import { documentTmx, MarkupError } from '@qalam/shared/formats'
import type { DocumentExportView, SegmentInit } from '@qalam/shared/model'
import type { CustomRules } from '@qalam/shared/segmentation'
import {
  MarkupEncodingError,
  OriginalCorruptError,
  declaredHtmlEncoding,
  exportMarkup,
  readMarkupFile,
  type MarkupExport,
  type MarkupExportView,
  type MarkupFormat,
} from '../formats/index.ts'
import type { DocumentStore, OriginalFile } from '../storage/index.ts'
import { isEncoding } from '../encoding/index.ts'
import { ExportError, ImportError } from './errors.ts'

/*
 * The HTTP side of HTML and Markdown: the import (in a worker) that reads the file into
 * segments and keeps it as the original, the export that splices the translations back into
 * it, and the TMX of any document. Errors become ImportError/ExportError naming the reason.
 */

function importErrorFrom(error: unknown): unknown {
  if (error instanceof MarkupEncodingError) {
    return error.reason === 'binary'
      ? new ImportError('import.binary', 'The file is not a text file.')
      : error.reason === 'unknown'
        ? new ImportError('import.undecodable', error.message)
        : new ImportError('import.not_utf8', `${error.message}; send the encoding it is in.`)
  }
  if (error instanceof MarkupError) {
    return error.code === 'too_deep'
      ? new ImportError('import.markup_too_deep', error.message)
      : new ImportError('import.markup_too_long', error.message)
  }
  return error
}

/**
 * An HTML file that names its encoding is read in it: an `encoding` sent with it must be that
 * one. A file that names none (and any Markdown file) is read in the encoding sent.
 */
export function requireOwnHtmlEncoding(bytes: Uint8Array, asked: string | undefined): void {
  const own = declaredHtmlEncoding(bytes)
  if (asked === undefined || own === null || own === asked) return
  throw new ImportError(
    'import.encoding_conflict',
    `The HTML file declares the encoding ${own}; it cannot be read as ${asked}.`,
  )
}

export interface MarkupImportRequest {
  bytes: Uint8Array
  format: MarkupFormat
  fileName: string
  sourceLang: string
  rules: CustomRules | undefined
  encoding: string | undefined
}

export interface MarkupImport {
  segments: SegmentInit[]
  /** The encoding the file was read in, for a plain-text export "in the original's". */
  sourceEncoding: string
  original: OriginalFile
}

/** Reads and checks an HTML or Markdown upload; stores nothing, throws the ImportError. */
export function readMarkupImport(request: MarkupImportRequest): MarkupImport {
  let read: ReturnType<typeof readMarkupFile>
  try {
    read = readMarkupFile(
      request.bytes,
      request.format,
      request.fileName,
      request.sourceLang,
      request.rules,
      request.encoding,
    )
  } catch (error) {
    throw importErrorFrom(error)
  }
  if (read.segments.length === 0) {
    throw new ImportError('import.no_segments', 'The file has no text to translate.')
  }
  return {
    segments: read.segments,
    sourceEncoding: isEncoding(read.encoding) ? read.encoding : 'utf-8',
    original: read.original,
  }
}

/** The original a markup export writes into; `export.no_original` when it was not one. */
export async function loadMarkupOriginal(
  store: DocumentStore,
  documentId: string,
  format: MarkupFormat,
): Promise<OriginalFile> {
  const original = await store.loadOriginal(documentId)
  if (!original || original.format !== format) {
    throw new ExportError(
      'export.no_original',
      `A ${format === 'html' ? 'HTML' : 'Markdown'} export writes into the file the document was imported from; this document was not imported from one.`,
    )
  }
  return original
}

/**
 * The export view written back into its original HTML or Markdown file (in a worker), a
 * damaged or foreign original answered as `export.original_mismatch`.
 */
export function writeMarkupExport(
  view: MarkupExportView,
  original: OriginalFile,
  policy: ExportPolicy,
): MarkupExport {
  try {
    return exportMarkup(view, original, policy)
  } catch (error) {
    if (
      error instanceof MarkupError ||
      error instanceof OriginalCorruptError ||
      error instanceof MarkupEncodingError
    ) {
      throw new ExportError('export.original_mismatch', error.message)
    }
    throw error
  }
}

/** The document's translated pairs (those `policy` writes) as TMX 1.4b, UTF-8. */
export function exportTmxDocument(
  view: DocumentExportView,
  policy: ExportPolicy,
): { bytes: Uint8Array; pairs: number; untranslated: number } {
  const { meta, segments } = view
  const { xml, pairs } = documentTmx(meta, segments, policy.scope)
  return {
    bytes: new TextEncoder().encode(xml),
    pairs,
    untranslated: segments.length - pairs,
  }
}
