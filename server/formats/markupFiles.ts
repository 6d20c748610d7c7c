import { createHash } from 'node:crypto'
import iconv from 'iconv-lite'
import {
  htmlCharset,
  parseHtml,
  parseMarkdown,
  readHtml,
  readMarkdown,
  writeHtml,
  writeMarkdown,
  type UnitSegment,
} from '@qalam/shared/formats'
import { DEFAULT_EXPORT_POLICY, isTranslated, type ExportPolicy } from '@qalam/shared/export'
import type { CustomRules } from '@qalam/shared/segmentation'
import type { DocumentExportView, SegmentInit } from '@qalam/shared/model'
import type { OriginalFile } from '../storage/index.ts'
import { OriginalCorruptError } from './exportXliff.ts'
import { encodeXmlFile } from './xmlFileEncoding.ts'

/*
 * HTML and Markdown files: decoded in the encoding they declare (HTML: byte-order mark or
 * <meta charset>) or the one the user chose, read into segments, kept as the original, and
 * written back by splicing the translations into that original, in its encoding.
 */

export type MarkupFormat = 'html' | 'md'

/** The bytes are not text in the encoding they are read in. */
export class MarkupEncodingError extends Error {
  override name = 'MarkupEncodingError'
  constructor(
    readonly reason: 'unknown' | 'invalid' | 'binary',
    message: string,
  ) {
    super(message)
  }
}

export interface DecodedMarkup {
  text: string
  encoding: string
  hasBom: boolean
}

/** The encoding an HTML file declares, or null when it declares none. */
export function declaredHtmlEncoding(bytes: Uint8Array): string | null {
  const charset = htmlCharset(bytes)
  return charset.isDeclared ? charset.encoding : null
}

/**
 * Decodes a markup file: in the encoding an HTML file declares, else `fallback` (the user's
 * choice, UTF-8 by default). Throws `MarkupEncodingError` for an unknown encoding, bytes
 * invalid in it, or binary content.
 */
export function decodeMarkupFile(
  bytes: Uint8Array,
  format: MarkupFormat,
  fallback: string = 'utf-8',
): DecodedMarkup {
  const charset = htmlCharset(bytes)
  const isOwn = format === 'html' ? charset.isDeclared : charset.bomLength > 0
  const encoding = isOwn ? charset.encoding : fallback
  const body = isOwn ? bytes.subarray(charset.bomLength) : bytes
  if (!iconv.encodingExists(encoding)) {
    throw new MarkupEncodingError(
      'unknown',
      `the file declares an encoding we cannot read: ${encoding}`,
    )
  }
  let text: string
  if (encoding === 'utf-8') {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body)
    } catch {
      throw new MarkupEncodingError('invalid', 'the file is not valid UTF-8')
    }
  } else {
    text = iconv.decode(Buffer.from(body), encoding, { stripBOM: false })
    if (text.includes('\uFFFD')) {
      throw new MarkupEncodingError('invalid', `the file is not valid ${encoding}`)
    }
  }
  if (text.includes('\u0000')) throw new MarkupEncodingError('binary', 'the file is not text')
  return { text, encoding, hasBom: charset.bomLength > 0 }
}

export interface ReadMarkup {
  segments: SegmentInit[]
  encoding: string
  original: OriginalFile
}

/**
 * Decodes and reads an HTML or Markdown upload into segments (by the project's rules); stores
 * nothing. Throws `MarkupEncodingError` or `MarkupError`.
 */
export function readMarkupFile(
  bytes: Uint8Array,
  format: MarkupFormat,
  name: string,
  lang: string,
  rules: CustomRules | undefined,
  encoding: string | undefined,
): ReadMarkup {
  const decoded = decodeMarkupFile(bytes, format, encoding)
  const segments =
    format === 'html'
      ? parseHtml(decoded.text, lang, rules)
      : parseMarkdown(decoded.text, lang, rules)
  return {
    segments,
    encoding: decoded.encoding,
    original: {
      format,
      encoding: decoded.encoding,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.slice(),
      name,
    },
  }
}

export interface MarkupExport {
  bytes: Uint8Array
  untranslated: number
}

/** What a markup export reads of a document: its target language and what each segment writes. */
export interface MarkupExportView {
  targetLang: string
  segments: UnitSegment[]
}

/**
 * Reads only what an HTML or Markdown export writes: no notes, matches or suggestions, and
 * tags by kind and number alone (their markup is the original's).
 */
export function readMarkupExportView(view: DocumentExportView): MarkupExportView {
  return {
    targetLang: view.meta.targetLang,
    segments: view.segments.map((segment) => ({
      paragraph: segment.paragraph,
      before: segment.before,
      source: segment.source,
      target: segment.target,
      status: segment.status,
      tags: segment.tags.map(({ kind, n }) => ({ kind, n })),
      sourceTags: segment.sourceTags,
      targetTags: segment.targetTags,
    })),
  }
}

/**
 * The document written back into its original HTML or Markdown file: translations (or the
 * policy's fallback) in place of the source text, everything else as the file has it, in the
 * file's encoding (a character it lacks as a numeric reference). Throws
 * `OriginalCorruptError` for a damaged original and `MarkupError` `mismatch` when the
 * document's segments were not read from it.
 */
export function exportMarkup(
  view: MarkupExportView,
  original: OriginalFile,
  policy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): MarkupExport {
  if (createHash('sha256').update(original.bytes).digest('hex') !== original.sha256) {
    throw new OriginalCorruptError('the stored original file does not match its hash')
  }
  const format = original.format === 'html' ? 'html' : 'md'
  const decoded = decodeMarkupFile(original.bytes, format, original.encoding)
  const { segments } = view
  const written =
    format === 'html'
      ? writeHtml(decoded.text, readHtml(decoded.text), segments, policy, view.targetLang)
      : writeMarkdown(decoded.text, readMarkdown(decoded.text), segments, policy)
  return {
    bytes: encodeXmlFile(written, decoded.encoding, decoded.hasBom),
    untranslated: segments.filter((segment) => !isTranslated(segment)).length,
  }
}
