/** Why a file is not a Word document we read or write. */
export type DocxErrorCode =
  /** A zip, but no WordprocessingML main part (a spreadsheet, a presentation, an e-book...). */
  | 'not_docx'
  /** An OLE compound file: a password-protected (encrypted) Word file, or a binary .doc. */
  | 'encrypted'
  /** A VBA project or a macro-enabled content type. */
  | 'macros'
  /** Tracked changes, and the user did not choose to accept them. */
  | 'tracked_changes'
  /** A part is not well-formed XML. */
  | 'malformed'
  /** A part has a DOCTYPE: refused before any entity could be declared or fetched. */
  | 'dtd'
  /** A part passes the size or depth limits. */
  | 'too_large'
  /** The stored original and the document's segments disagree (export). */
  | 'mismatch'

export class DocxError extends Error {
  override name = 'DocxError'
  constructor(
    readonly code: DocxErrorCode,
    message: string,
  ) {
    super(message)
  }
}
