import type { SegmentInit } from '../../model/index.ts'
import { segmentText, type CustomRules } from '../../segmentation/index.ts'
import { DocxError } from './docxError.ts'
import { openDocx, type DocxPackage } from './openDocx.ts'
import { tagSegments } from './paragraphTags.ts'
import { hasRevisions, listParagraphs, type DocxParagraph } from './readParagraph.ts'
import { readStoryParagraphs } from './readStories.ts'

export type TrackedChanges = 'refuse' | 'accept'

export interface DocxImportOptions {
  /** The source language, for sentence rules. */
  lang: string
  /** The project's segmentation rules. */
  rules?: CustomRules
  /** What to do with tracked changes: refuse the file (default) or accept them all. */
  trackedChanges?: TrackedChanges
}

export interface ParsedDocx {
  segments: SegmentInit[]
  /** How many paragraphs (all parts) the file has; segments name theirs by index. */
  paragraphs: number
}

/** Every paragraph of the translatable parts, in the order segments number them. */
export function readParagraphs(docx: DocxPackage): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = []
  for (const part of docx.parts) paragraphs.push(...readStoryParagraphs(part, listParagraphs(part)))
  return paragraphs
}

/**
 * Reads a DOCX file into segments: each paragraph's text cut into sentences, its formatting
 * and inline codes as tags. `paragraph` of a segment is the index of its Word paragraph among
 * all of the file's (body, footnotes, endnotes, headers, footers). Throws DocxError or ZipError.
 */
export function parseDocx(bytes: Uint8Array, options: DocxImportOptions): ParsedDocx {
  const docx = openDocx(bytes)
  if ((options.trackedChanges ?? 'refuse') === 'refuse' && docx.parts.some(hasRevisions)) {
    throw new DocxError(
      'tracked_changes',
      'the document has tracked changes: accept them at import, or accept or reject them in Word first',
    )
  }
  const paragraphs = readParagraphs(docx)
  const segments: SegmentInit[] = []
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.text.trim() === '') return
    const found = sentenceRanges(paragraph, options)
    const tagged = tagSegments(paragraph, found, paragraph.part.xml.text)
    tagged.forEach((segment, position) => {
      const gap =
        position === 0 ? '' : paragraph.text.slice(found[position - 1]!.end, found[position]!.start)
      segments.push({
        source: segment.source,
        paragraph: index,
        before: position > 0 ? gap : segments.length === 0 ? '' : '\n\n',
        ...(segment.tags.length > 0 ? { tags: segment.tags, sourceTags: segment.sourceTags } : {}),
      })
    })
  })
  return { segments, paragraphs: paragraphs.length }
}

/** What a tab or a break is to the sentence rules: white space (a break ends a line). */
const SPACING_CODES: Readonly<Record<string, string>> = {
  tab: ' ',
  break: '\n',
  'page break': '\n',
}

/**
 * The paragraph's sentences as ranges of its text. The rules read the text with its tabs and
 * breaks as spaces and line ends (which are codes, not characters, in the text), so that a
 * sentence never runs across a line break.
 */
function sentenceRanges(
  paragraph: DocxParagraph,
  options: DocxImportOptions,
): Array<{ start: number; end: number }> {
  let shadow = ''
  /** Positions in `shadow` of the characters that stand for codes, increasing. */
  const inserted: number[] = []
  for (const piece of paragraph.pieces) {
    if (piece.kind === 'text') shadow += piece.text
    else {
      const spacing = SPACING_CODES[piece.label]
      if (spacing === undefined) continue
      inserted.push(shadow.length)
      shadow += spacing
    }
  }
  let index = 0
  const toText = (at: number): number => {
    while (index < inserted.length && inserted[index]! < at) index++
    return at - index
  }
  return segmentText(shadow, options.lang, options.rules).map((segment) => {
    const start = toText(segment.start)
    return { start, end: toText(segment.end) }
  })
}

export interface DocxPreview {
  /** The text of the first non-empty paragraphs. */
  lines: string[]
  /** Whether the import has to be told to accept tracked changes. */
  hasTrackedChanges: boolean
}

/** What an import form shows of a DOCX before importing; throws as `parseDocx` does. */
export function previewDocx(
  bytes: Uint8Array,
  maxLines: number,
  maxLineChars: number,
): DocxPreview {
  const docx = openDocx(bytes)
  const lines: string[] = []
  for (const paragraph of readParagraphs(docx)) {
    if (lines.length >= maxLines) break
    const text = paragraph.text.trim()
    if (text !== '') lines.push(text.slice(0, maxLineChars))
  }
  return { lines, hasTrackedChanges: docx.parts.some(hasRevisions) }
}
