import { strToU8 } from 'fflate'
import { tagKey, type InlineTag, type TaggedText } from '../../model/index.ts'
import { spliceWriter, streamXml, utf8Output, type XmlElement } from '../xml/index.ts'
import { writeZip, type ZipOutput } from '../zip/index.ts'
import { DocxError } from './docxError.ts'
import { replaceKazakhFonts, replaceKazakhThemeFonts } from './kazakhFonts.ts'
import {
  localizeParagraph,
  localizeTable,
  localizedLang,
  targetScript,
} from './localizeProperties.ts'
import { isW, wChild, wPrefix } from './namespaces.ts'
import { docxXmlError, indexDocx, requireDocumentRoot, type DocxPart } from './openDocx.ts'
import { fallbackCopies } from './fallbackCopies.ts'
import { readStoryParagraphs, type OpenFields } from './readStories.ts'
import { renderTarget, textRuns } from './renderRuns.ts'
import { baseProperties, tagSegments } from './paragraphTags.ts'
import {
  listParagraphs,
  runProperties,
  type DocxParagraph,
  type TextMarker,
  type RawPiece,
} from './readParagraph.ts'

/*
 * Writes translations back into the original DOCX. Only the parts that hold translated
 * paragraphs are rewritten, and in them only those paragraphs (and, for Arabic, the tables'
 * properties); every other byte of the part, and every other zip entry (its compressed bytes
 * included), is the original's.
 *
 * A part is read a block at a time (a paragraph or a table of the body, a footnote, a header's
 * paragraph): only one block's tree is held, never the whole part's (41 MB of heap for the
 * 2.6 MB body of a 300-page document), and each block's changes are spliced in as it ends.
 */

/** One segment as the export writes it: the paragraph it belongs to and the text to write. */
export interface DocxTargetSegment {
  paragraph: number
  source: string
  tags: readonly InlineTag[]
  /** The text to write (the translation, or the policy's fallback), with its tags. */
  target: TaggedText
}

interface Replacement {
  start: number
  end: number
  render: () => string
}

/** The translated DOCX; throws DocxError `mismatch` when the segments do not fit the original. */
export function writeDocx(
  original: Uint8Array,
  segments: readonly DocxTargetSegment[],
  targetLang: string,
): Uint8Array {
  const docx = indexDocx(original)
  const byParagraph = new Map<number, DocxTargetSegment[]>()
  let last = -1
  for (const segment of segments) {
    const list = byParagraph.get(segment.paragraph)
    if (list) list.push(segment)
    else byParagraph.set(segment.paragraph, [segment])
    last = Math.max(last, segment.paragraph)
  }
  // Each rewritten part as UTF-8, encoded as it is written (Word writes its parts in UTF-8).
  const written = new Map<string, Uint8Array>()
  // Paragraphs are numbered across the parts, in the order the import read them.
  let paragraphs = 0
  for (const { name, kind } of docx.parts) {
    const text = docx.archive.readText(docx.archive.entry(name)!)
    const writer = spliceWriter(text, utf8Output())
    let hasChanged = false
    const part = { name, kind, text }
    readBlocks(part, (block, docxPart, open) => {
      const read = readStoryParagraphs(docxPart, listParagraphs(docxPart, block), open)
      const first = paragraphs
      paragraphs += read.length
      const insert = renderBlock(
        block,
        docxPart,
        read,
        (index) => byParagraph.get(first + index),
        targetLang,
      )
      if (insert === null) return
      writer.add([{ start: block.start, end: block.end, insert }])
      hasChanged = true
    })
    if (hasChanged) written.set(name, writer.finish())
  }
  if (last >= paragraphs) throw new DocxError('mismatch', `the original has no paragraph ${last}`)
  // Fonts without the Kazakh letters where text takes its font from when its runs name none
  // (or name a theme font, which wins): the styles, their document defaults, the theme.
  if (targetScript(targetLang) === 'kazakh') {
    for (const [name, replace] of [
      [docx.stylesName, replaceKazakhFonts],
      [docx.themeName, replaceKazakhThemeFonts],
    ] as const) {
      if (name === null) continue
      const markup = docx.archive.readText(docx.archive.entry(name)!)
      const fixed = replace(markup)
      if (fixed !== markup) written.set(name, strToU8(fixed))
    }
  }
  const outputs: ZipOutput[] = docx.archive.entries.map((entry) => {
    const data = written.get(entry.name)
    if (data === undefined) return { kind: 'copy', entry }
    return {
      kind: 'new',
      name: entry.name,
      data,
      dosTime: entry.dosTime,
      dosDate: entry.dosDate,
    }
  })
  return writeZip(outputs)
}

/**
 * Reads a part's blocks one at a time, in document order: the children of its root, or of its
 * root's `w:body`. `onBlock` gets each block whole, the part (whose root holds no children)
 * and the fields open in each story so far, carried from block to block.
 */
function readBlocks(
  part: { name: string; kind: DocxPart['kind']; text: string },
  onBlock: (block: XmlElement, docxPart: DocxPart, open: OpenFields) => void,
): void {
  let docxPart: DocxPart | null = null
  const open: OpenFields = new Map()
  const isBody = (element: XmlElement) => isW(element, 'body') && element.parent?.parent === null
  try {
    streamXml(part.text, {
      onOpen(element) {
        if (element.parent !== null) return
        if (part.kind === 'document') requireDocumentRoot(element)
        const xml = { text: part.text, root: element }
        docxPart = { name: part.name, kind: part.kind, xml, w: wPrefix(element) }
      },
      isWhole: (element) =>
        element.parent !== null &&
        (element.parent.parent === null ? !isBody(element) : isBody(element.parent)),
      onWhole: (block) => onBlock(block, docxPart!, open),
    })
  } catch (error) {
    throw docxXmlError(part.name, error)
  }
}

/**
 * A block with its translated paragraphs (and, for Arabic, its tables) rewritten, or null when
 * nothing in it changes. `segmentsOf` gives the segments of the block's paragraph `index`.
 */
function renderBlock(
  block: XmlElement,
  part: DocxPart,
  paragraphs: readonly DocxParagraph[],
  segmentsOf: (index: number) => DocxTargetSegment[] | undefined,
  targetLang: string,
): string | null {
  const text = part.xml.text
  const replacements: Replacement[] = []
  const range = (start: number, end: number) => renderRange(text, replacements, start, end)
  if (targetScript(targetLang) === 'arabic') {
    for (const table of tableProperties(block)) {
      const children = localizeTable(propertyChildren(table, text), part.w, targetLang)
      if (children) {
        const markup = `<${part.w}tblPr>${children.map(([, xml]) => xml).join('')}</${part.w}tblPr>`
        replacements.push({ start: table.start, end: table.end, render: () => markup })
      }
    }
  }
  const addParagraph = (paragraph: DocxParagraph, list: readonly DocxTargetSegment[]) => {
    const gaps = gapsBetween(paragraph, list)
    const render = () => renderParagraph(paragraph, list, gaps, targetLang, range)
    replacements.push({ start: paragraph.element.start, end: paragraph.element.end, render })
  }
  paragraphs.forEach((paragraph, index) => {
    const list = segmentsOf(index)
    if (list) addParagraph(paragraph, list)
  })
  const indexOf = new Map(paragraphs.map((paragraph, index) => [paragraph, index]))
  for (const { copy, of } of fallbackCopies(part, paragraphs, block)) {
    const list = segmentsOf(indexOf.get(of)!)
    const copied = list && copiedSegments(copy, list)
    if (copied) addParagraph(copy, copied)
  }
  if (replacements.length === 0) return null
  replacements.sort((a, b) => a.start - b.start)
  return range(block.start, block.end)
}

/**
 * The segments of a choice's paragraph for its fallback copy: the same texts, with the copy's
 * own tags (its markup is VML's, not DrawingML's); null when the tags do not line up.
 */
function copiedSegments(
  copy: DocxParagraph,
  list: readonly DocxTargetSegment[],
): DocxTargetSegment[] | null {
  const ranges: Array<{ start: number; end: number }> = []
  let at = 0
  for (const segment of list) {
    const start = copy.text.indexOf(segment.source, at)
    if (start < 0) return null
    at = start + segment.source.length
    ranges.push({ start, end: at })
  }
  const tagged = tagSegments(copy, ranges, copy.part.xml.text)
  const shape = (tags: readonly InlineTag[]) =>
    tags.map((tag) => `${tagKey(tag)}:${tag.label}`).join()
  const lined = tagged.every((segment, index) => shape(segment.tags) === shape(list[index]!.tags))
  return lined ? list.map((segment, index) => ({ ...segment, tags: tagged[index]!.tags })) : null
}

/**
 * The original text from `start` to `end` with the replacements that lie in it; one inside
 * another (a text box's paragraph inside an image's markup) is rendered by its container.
 */
function renderRange(
  text: string,
  replacements: readonly Replacement[],
  start: number,
  end: number,
): string {
  let out = ''
  let at = start
  let low = 0
  let high = replacements.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (replacements[middle]!.start < start) low = middle + 1
    else high = middle
  }
  for (let index = low; index < replacements.length; index++) {
    const replacement = replacements[index]!
    if (replacement.start >= end) break
    if (replacement.start < at || replacement.end > end) continue
    out += text.slice(at, replacement.start) + replacement.render()
    at = replacement.end
  }
  return out + text.slice(at, end)
}

/** The whitespace before each segment's source and after the last, checked against the original. */
function gapsBetween(paragraph: DocxParagraph, segments: readonly DocxTargetSegment[]): string[] {
  const gaps: string[] = []
  let at = 0
  for (const segment of segments) {
    const found = paragraph.text.indexOf(segment.source, at)
    const gap = found < 0 ? null : paragraph.text.slice(at, found)
    if (gap === null || gap.trim() !== '') {
      throw new DocxError(
        'mismatch',
        `paragraph ${segment.paragraph} of the original does not hold "${segment.source.slice(0, 40)}"`,
      )
    }
    gaps.push(gap)
    at = found + segment.source.length
  }
  const rest = paragraph.text.slice(at)
  if (rest.trim() !== '') {
    throw new DocxError('mismatch', 'a paragraph of the original has text no segment holds')
  }
  gaps.push(rest)
  return gaps
}

function renderParagraph(
  paragraph: DocxParagraph,
  segments: readonly DocxTargetSegment[],
  gaps: readonly string[],
  lang: string,
  range: (start: number, end: number) => string,
): string {
  const { element, part } = paragraph
  const text = part.xml.text
  const w = part.w
  const raw = (piece: RawPiece): string => {
    const [rPr, start, end] = piece
    if (rPr === null) return range(start, end)
    return `<${w}r>${rPr === '' ? '' : `<${w}rPr>${rPr}</${w}rPr>`}${range(start, end)}</${w}r>`
  }
  const base = baseProperties(paragraph)
  let out = text.slice(element.start, element.contentStart)
  // A paragraph written back in the source language stays left to right, its spaces and
  // punctuation too; in a right-to-left one, only runs of left-to-right letters do.
  const written = segments.map((segment) => segment.target.text).join(' ')
  const paragraphLang = localizedLang(written, lang)
  out += paragraphProperties(paragraph, paragraphLang)
  const places = markerPlaces(paragraph, segments, gaps)
  const markersAt = (index: number, side: TextMarker['side']) =>
    paragraph.markers
      .filter((marker, at) => marker.side === side && places[at] === index)
      .map((marker) => raw(marker.raw))
      .join('')
  out += markersAt(-1, 'end')
  segments.forEach((segment, index) => {
    out += markersAt(index, 'start')
    out += textRuns(gaps[index]!, base, w, paragraphLang)
    out += renderTarget(segment, base, w, paragraphLang, raw)
    out += markersAt(index, 'end')
  })
  out += markersAt(segments.length, 'start')
  out += textRuns(gaps[segments.length]!, base, w, paragraphLang)
  out += markersAt(segments.length, 'end')
  return out + text.slice(element.contentEnd, element.end)
}

/**
 * For each marker of the paragraph, the segment it is written with: a start mark before the
 * first segment whose text runs past its offset, an end mark after the last segment that
 * starts before it (-1: before everything, for an end at the very start). `segments.length`
 * stands for the text after the last segment.
 */
function markerPlaces(
  paragraph: DocxParagraph,
  segments: readonly DocxTargetSegment[],
  gaps: readonly string[],
): number[] {
  const starts: number[] = []
  const ends: number[] = []
  let at = 0
  segments.forEach((segment, index) => {
    at += gaps[index]!.length
    starts.push(at)
    at += segment.source.length
    ends.push(at)
  })
  return paragraph.markers.map(({ at: offset, side }) => {
    if (side === 'start') {
      const index = ends.findIndex((end) => offset < end)
      return index === -1 ? segments.length : index
    }
    const index = starts.findLastIndex((start) => start < offset)
    // With no segment at all, ends stay after the text, behind their starts.
    return index === -1 && segments.length === 0 ? 0 : index
  })
}

function paragraphProperties(paragraph: DocxParagraph, lang: string): string {
  const { w, xml } = paragraph.part
  const pPr = wChild(paragraph.element, 'pPr')
  const children: Array<readonly [string, string]> = []
  if (pPr) {
    for (const child of pPr.children) {
      if (child.kind !== 'element' || child.local === 'pPrChange') continue
      if (isW(child, 'rPr')) {
        const mark = runProperties(child, xml.text)
          .map(([, markup]) => markup)
          .join('')
        children.push(['rPr', `<${w}rPr>${mark}</${w}rPr>`])
      } else children.push([child.local, xml.text.slice(child.start, child.end)])
    }
  }
  const localized = localizeParagraph(children, w, lang)
  if (localized.length === 0) return ''
  return `<${w}pPr>${localized.map(([, markup]) => markup).join('')}</${w}pPr>`
}

function tableProperties(root: XmlElement): XmlElement[] {
  const found: XmlElement[] = []
  const pending: XmlElement[] = [root]
  for (let element = pending.pop(); element; element = pending.pop()) {
    if (isW(element, 'tblPr') && element.parent && isW(element.parent, 'tbl')) found.push(element)
    for (const child of element.children) if (child.kind === 'element') pending.push(child)
  }
  return found
}

function propertyChildren(element: XmlElement, text: string): Array<readonly [string, string]> {
  const out: Array<readonly [string, string]> = []
  for (const child of element.children) {
    if (child.kind === 'element') out.push([child.local, text.slice(child.start, child.end)])
  }
  return out
}
