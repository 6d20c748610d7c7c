import { XmlError } from '../xml/index.ts'

export type XliffErrorCode =
  'malformed' | 'dtd' | 'too_large' | 'not_xliff' | 'unknown_version' | 'wrong_version' | 'mismatch'

/** A file that is not an XLIFF we read or write; `code` names the reason for the user. */
export class XliffError extends Error {
  override name = 'XliffError'
  constructor(
    readonly code: XliffErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** The XLIFF reason for an XML reader's refusal. */
export function xliffErrorFrom(error: unknown): unknown {
  if (!(error instanceof XmlError)) return error
  const code: XliffErrorCode =
    error.code === 'dtd' ? 'dtd' : error.code === 'malformed' ? 'malformed' : 'too_large'
  return new XliffError(code, error.message)
}
