import {
  ReviewReadError,
  XmlError,
  ZipError,
  previewLabels,
  readReviewDocx,
  readZip,
  renderDocxPreview,
  type PreviewLocale,
  type ReviewRead,
} from '@qalam/shared/formats'
import { ExportError, ReviewImportError } from './errors.ts'

/*
 * The file side of review tables and previews, run in the worker pool: reading an uploaded
 * review table (its errors become ReviewImportErrors naming the reason) and rendering an
 * exported DOCX to HTML.
 */

const REVIEW_CODES = {
  not_docx: 'review.not_docx',
  not_review_table: 'review.not_review_table',
  too_large: 'review.too_large',
  dtd: 'review.dtd',
  malformed: 'review.malformed',
} as const

/** The rows of an edited review table, or the ReviewImportError saying why it is refused. */
export function readReviewUpload(bytes: Uint8Array): ReviewRead {
  try {
    return readReviewDocx(bytes)
  } catch (error) {
    if (error instanceof ReviewReadError) {
      throw new ReviewImportError(REVIEW_CODES[error.code], error.message)
    }
    throw error
  }
}

const DOCX_PARTS = {
  document: 'word/document.xml',
  styles: 'word/styles.xml',
  numbering: 'word/numbering.xml',
  footnotes: 'word/footnotes.xml',
} as const

/** The preview page of an exported DOCX. */
export function renderDocxFile(input: {
  bytes: Uint8Array
  title: string
  lang: string
  locale: PreviewLocale
}): string {
  try {
    const archive = readZip(input.bytes)
    const text = (name: string) => {
      const entry = archive.entry(name)
      return entry ? archive.readText(entry) : undefined
    }
    const document = text(DOCX_PARTS.document)
    if (document === undefined) throw new ZipError('corrupt', 'the export has no document part')
    return renderDocxPreview(
      {
        document,
        styles: text(DOCX_PARTS.styles),
        numbering: text(DOCX_PARTS.numbering),
        footnotes: text(DOCX_PARTS.footnotes),
      },
      input.title,
      input.lang,
      previewLabels(input.locale),
    )
  } catch (error) {
    // Our own export is the input: failing to read it is a mismatch with the original.
    if (error instanceof ZipError || error instanceof XmlError) {
      throw new ExportError(
        'export.original_mismatch',
        `The DOCX export cannot be previewed: ${error.message}`,
      )
    }
    throw error
  }
}
