import { detectContainer, detectXliffVersion } from '@qalam/shared/formats'
import type { DocumentFormat } from '@qalam/shared/model'
import { peekXmlText } from './xmlFileEncoding.ts'

/**
 * What a file's content says it is: an XLIFF version, an XLIFF we do not read, an OLE
 * compound file (a password-protected Word file or a binary .doc), a zip (read as DOCX, which
 * the import then checks to the end), or text.
 */
export type DetectedFormat = DocumentFormat | 'other-xliff' | 'ole'

/**
 * The format of an upload from its content, never its name: an `<xliff version="1.2">` root is
 * XLIFF 1.2, `2.x` is XLIFF 2, any other version is `other-xliff`; a zip package is `docx`;
 * everything else is text.
 */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  const container = detectContainer(bytes)
  if (container === 'ole') return 'ole'
  if (container === 'zip') return 'docx'
  return detectXliffVersion(peekXmlText(bytes)) ?? 'txt'
}
