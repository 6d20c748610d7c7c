import { detectXliffVersion } from '@qalam/shared/formats'
import type { DocumentFormat } from '@qalam/shared/model'
import { peekXmlText } from './xmlFileEncoding.ts'

/** What a file's content says it is: an XLIFF version, an XLIFF we do not read, or text. */
export type DetectedFormat = DocumentFormat | 'other-xliff'

/**
 * The format of an upload from its content, never its name: an `<xliff version="1.2">` root is
 * XLIFF 1.2, `2.x` is XLIFF 2, any other version is `other-xliff`; everything else is text.
 */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  return detectXliffVersion(peekXmlText(bytes)) ?? 'txt'
}
