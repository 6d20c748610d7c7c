export type GlossaryFileErrorCode =
  | 'glossary_file.not_xml'
  | 'glossary_file.dtd'
  | 'glossary_file.invalid'
  | 'glossary_file.too_large'
  | 'glossary_file.empty'

/** Why a TBX or CSV glossary file was refused; `message` says where (line) in English. */
export class GlossaryFileError extends Error {
  override name = 'GlossaryFileError'
  constructor(
    readonly code: GlossaryFileErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`)
  }
}

/** Limits of one import; a file past any of them is refused whole. */
export interface GlossaryFileLimits {
  maxEntries: number
  maxTermsPerEntry: number
  /** Longest text of one term, definition or note, in UTF-16 units. */
  maxFieldLength: number
  maxDepth: number
}

export const DEFAULT_GLOSSARY_LIMITS: GlossaryFileLimits = {
  maxEntries: 200_000,
  maxTermsPerEntry: 200,
  maxFieldLength: 10_000,
  maxDepth: 32,
}
