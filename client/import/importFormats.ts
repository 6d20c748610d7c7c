import type { DocumentFormat } from '@qalam/shared/model'

/**
 * What the import picker offers: plain text, Markdown, HTML, the XLIFF files CAT tools write
 * (Trados' .sdlxliff, memoQ's .mqxliff) and Word documents. The server tells the format from
 * the content, not the name.
 */
export const IMPORT_ACCEPT =
  '.txt,text/plain,.md,.markdown,text/markdown,.html,.htm,text/html,.xlf,.xliff,.sdlxliff,' +
  '.mqxliff,application/xliff+xml,.docx,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Formats a text file may be read as: the content proposes one, the user decides. */
export const TEXT_IMPORT_FORMATS = [
  'txt',
  'md',
  'html',
] as const satisfies readonly DocumentFormat[]
export type TextImportFormat = (typeof TEXT_IMPORT_FORMATS)[number]

export function isTextImportFormat(value: string): value is TextImportFormat {
  return (TEXT_IMPORT_FORMATS as readonly string[]).includes(value)
}
