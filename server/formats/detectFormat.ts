import {
  detectContainer,
  detectXliffVersion,
  looksLikeHtml,
  looksLikeMarkdown,
} from '@qalam/shared/formats'
import type { DocumentFormat } from '@qalam/shared/model'
import { peekXmlText } from './xmlFileEncoding.ts'

/**
 * What a file's content says it is: an XLIFF version, an XLIFF we do not read, an OLE
 * compound file (a password-protected Word file or a binary .doc), a zip (read as DOCX, which
 * the import then checks to the end), HTML, likely Markdown, text, or binary bytes that are no
 * text at all.
 */
export type DetectedFormat = DocumentFormat | 'other-xliff' | 'ole' | 'binary'

const SNIFF_BYTES = 8192

/** NUL or many C0 controls in the first bytes (UTF-16 is told by its BOM before this). */
function looksBinary(head: Uint8Array): boolean {
  let controls = 0
  for (const byte of head) {
    if (byte === 0) return true
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++
  }
  return controls > head.length * 0.01
}

/**
 * The format of an upload from its content, never its name: an OLE compound file is `ole`, a
 * zip package is `docx`; an `<xliff version="1.2">` root is XLIFF 1.2, `2.x` is XLIFF 2, any
 * other version is `other-xliff`; a doctype, `<html>` or a known HTML element first is HTML;
 * text with Markdown structure is `md`; else text, or `binary` for bytes no text has.
 */
export function detectFormat(bytes: Uint8Array): DetectedFormat {
  const container = detectContainer(bytes)
  if (container === 'ole') return 'ole'
  if (container === 'zip') return 'docx'
  const peek = peekXmlText(bytes)
  const xliff = detectXliffVersion(peek)
  if (xliff !== null) return xliff
  const head = bytes.subarray(0, SNIFF_BYTES)
  const isUtf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)
  if (!isUtf16 && looksBinary(head)) return 'binary'
  if (looksLikeHtml(peek)) return 'html'
  if (looksLikeMarkdown(peek)) return 'md'
  return 'txt'
}
