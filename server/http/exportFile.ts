import type { ExportPolicy } from '@qalam/shared/export'
import {
  reviewTableOf,
  writeReviewDocx,
  writeReviewHtml,
  type ReviewLocale,
} from '@qalam/shared/formats'
import type { DocumentExportView } from '@qalam/shared/model'
import { exportPlainText, locateCharacters, type ExportedFormat } from '../documents/index.ts'
import { UnrepresentableError, encodeText, isEncoding, type Encoding } from '../encoding/index.ts'
import { readDocxExportView, readMarkupExportView } from '../formats/index.ts'
import type { OriginalFile } from '../storage/index.ts'
import { writeDocxExport } from './docxDocuments.ts'
import { ExportError } from './errors.ts'
import { exportTmxDocument, writeMarkupExport } from './markupDocuments.ts'
import { writeXliffExport } from './xliffDocuments.ts'

/*
 * Every export's file written from the document's export view, in the worker pool: a
 * 10,000-segment document takes seconds of CPU in any format, which the event loop that
 * serves everyone's typing must not spend.
 */

/** What one export asks for besides the document. */
export interface ExportRequest {
  format: ExportedFormat
  policy: ExportPolicy
  /** The file the document was imported from: DOCX, HTML and Markdown write into it; XLIFF may. */
  original: OriginalFile | null
  /** txt: the encoding asked for, `original` for the imported file's; absent for UTF-8. */
  encoding?: Encoding | 'original'
  /** Review tables: the language of their headings, the document they name, when made. */
  review?: { locale: ReviewLocale; documentId: string; now: number }
}

export interface ExportedFile {
  bytes: Uint8Array
  /** Segments whose translation the file does not carry. */
  untranslated: number
  /** The name the file goes back under (a round-tripped XLIFF or DOCX), else null. */
  fileName: string | null
  /** The charset the response names: txt's chosen one, TMX's UTF-8; null where the file declares its own. */
  encoding: Encoding | null
}

const UNREPRESENTABLE_EXAMPLES = 20
/** Segment numbers listed per character; the count says how many more there are. */
const UNREPRESENTABLE_SEGMENTS = 50

export function writeExportFile(view: DocumentExportView, request: ExportRequest): ExportedFile {
  const { format, policy, original } = request
  const file = (bytes: Uint8Array, untranslated: number, fileName: string | null = null) => ({
    bytes,
    untranslated,
    fileName,
    encoding: null,
  })
  switch (format) {
    case 'docx': {
      const docx = requireOriginal(original)
      const written = writeDocxExport(readDocxExportView(view, policy), docx)
      // A Word file goes back under its own name, as the tool that made it expects.
      return file(written.bytes, written.untranslated, docx.name)
    }
    case 'html':
    case 'md': {
      const written = writeMarkupExport(
        readMarkupExportView(view),
        requireOriginal(original),
        policy,
      )
      return file(written.bytes, written.untranslated)
    }
    case 'xliff12':
    case 'xliff20': {
      const xliff = writeXliffExport(view, format, original, policy)
      return file(xliff.bytes, xliff.untranslated, xliff.fileName)
    }
    case 'tmx': {
      const tmx = exportTmxDocument(view, policy)
      return { ...file(tmx.bytes, tmx.untranslated), encoding: 'utf-8' }
    }
    case 'txt':
      return plainTextFile(view, policy, request.encoding)
    case 'review-docx':
    case 'review-html': {
      if (!request.review) throw new Error('a review table needs its locale and document')
      const { locale, documentId, now } = request.review
      const table = reviewTableOf(documentId, view.meta, view.segments, now)
      const bytes =
        format === 'review-docx'
          ? writeReviewDocx(table, locale)
          : new TextEncoder().encode(writeReviewHtml(table, locale))
      return file(bytes, 0)
    }
  }
}

/** The routes load the original before they ask: one missing here is a bug, not the user's. */
function requireOriginal(original: OriginalFile | null): OriginalFile {
  if (!original) throw new Error('this export writes into the original file, and none was given')
  return original
}

function plainTextFile(
  view: DocumentExportView,
  policy: ExportPolicy,
  asked: Encoding | 'original' | undefined,
): ExportedFile {
  const { text, untranslated, segmentTexts } = exportPlainText(view, policy)
  const imported = view.meta.sourceEncoding
  const encoding: Encoding =
    asked === 'original' ? (isEncoding(imported) ? imported : 'utf-8') : (asked ?? 'utf-8')
  return {
    bytes: encodeExport(text, segmentTexts, encoding),
    untranslated,
    fileName: null,
    encoding,
  }
}

/**
 * The export's bytes (UTF-16 after a byte-order mark), or `export.unrepresentable` naming the
 * characters the encoding lacks and the segments that hold them, so the translator can change
 * those or choose another encoding.
 */
function encodeExport(text: string, segmentTexts: string[], encoding: Encoding): Uint8Array {
  try {
    // A UTF-16 file without a byte-order mark is one most editors cannot tell from binary, and
    // the files archives keep in UTF-16 ("Unicode" in Windows) carry one; UTF-8 gets none.
    return encodeText(encoding.startsWith('utf-16') ? `\uFEFF${text}` : text, encoding)
  } catch (error) {
    if (!(error instanceof UnrepresentableError)) throw error
    const examples = error.characters.slice(0, UNREPRESENTABLE_EXAMPLES)
    throw new ExportError(
      'export.unrepresentable',
      `${error.characters.length} characters cannot be written in ${encoding}: ${examples.join(' ')}`,
      {
        encoding,
        count: error.characters.length,
        examples,
        characters: locateCharacters(segmentTexts, examples, UNREPRESENTABLE_SEGMENTS),
      },
    )
  }
}
