import { taggedPieces, tagKey, type InlineTag, type TaggedText } from '../../model/index.ts'
import { escapeXmlText } from '../xml/index.ts'
import { localizeRun, localizedLang } from './localizeProperties.ts'
import { planFieldCodes } from './fieldCodes.ts'
import type { DocxTagData } from './paragraphTags.ts'
import type { RawPiece, RunProperties } from './readParagraph.ts'

/*
 * A segment's target text as WordprocessingML runs: text in the formatting its tags give it,
 * wrappers (links, fields, content controls) opened and closed around it, and the original
 * codes written back where their tags stand.
 */

/** What the renderer needs of a segment: its tags and the text to write. */
export interface RenderedSegment {
  tags: readonly InlineTag[]
  target: TaggedText
}

/** Text as runs in the given properties; line breaks typed in the target become `w:br`. */
export function textRuns(text: string, rPr: RunProperties, w: string, lang: string): string {
  // Characters XML 1.0 cannot carry (controls, lone surrogates) are dropped.
  const clean = text.replace(
    // eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  )
  if (clean === '') return ''
  const lines = clean.split(/\r\n|\r|\n/)
  const t = (line: string) =>
    line === '' ? '' : `<${w}t xml:space="preserve">${escapeXmlText(line)}</${w}t>`
  const properties = localizeRun(rPr, w, localizedLang(clean, lang))
  return `<${w}r>${properties}${lines.map(t).join(`<${w}br/>`)}</${w}r>`
}

interface OpenSpan {
  n: number
  data: DocxTagData
}

/**
 * A segment's target with its tags as runs, wrappers and the original codes. Fields come out
 * whole whatever the target did with their tags: every complex field code once, in its
 * nesting (see planFieldCodes), and a simple field whose tags were deleted as an empty
 * field at the end (Word fills it in when fields are updated), never twice.
 */
export function renderTarget(
  segment: RenderedSegment,
  base: RunProperties,
  w: string,
  lang: string,
  raw: (piece: RawPiece) => string,
): string {
  const data = new Map<string, DocxTagData>()
  for (const tag of segment.tags) {
    if (tag.kind === 'close') continue
    const parsed = readTagData(tag.data)
    if (parsed) data.set(tagKey(tag), parsed)
  }
  const pieces = taggedPieces(segment.target)
  const fieldCodes = planFieldCodes(
    segment.tags,
    data,
    (found) => found.p.map(raw).join(''),
    pieces.filter((piece) => typeof piece !== 'string'),
  )
  const isField = new Set(
    segment.tags.filter((tag) => tag.kind === 'open' && tag.label === 'field').map((tag) => tag.n),
  )
  const fieldsOpened = new Set<number>()
  const stack: OpenSpan[] = []
  let out = ''
  const openMarkup = (span: OpenSpan) => ('o' in span.data ? span.data.o : '')
  const closeMarkup = (span: OpenSpan) => ('c' in span.data ? span.data.c : '')
  const properties = (): RunProperties => {
    for (let index = stack.length - 1; index >= 0; index--) {
      const span = stack[index]!
      if ('f' in span.data && span.data.f) return span.data.f
    }
    return base
  }
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += textRuns(piece, properties(), w, lang)
      continue
    }
    if (piece.kind === 'standalone') {
      const key = tagKey(piece)
      const found = data.get(key)
      const fieldCode = fieldCodes.at.get(key)
      if (fieldCode !== undefined) {
        out += fieldCode
        fieldCodes.at.set(key, '')
      } else if (found && 'p' in found) out += found.p.map(raw).join('')
      continue
    }
    if (piece.kind === 'open') {
      const found = data.get(tagKey(piece))
      if (!found || 'p' in found || stack.some((span) => span.n === piece.n)) continue
      if (fieldsOpened.has(piece.n)) continue
      if (isField.has(piece.n)) fieldsOpened.add(piece.n)
      const span = { n: piece.n, data: found }
      out += openMarkup(span)
      stack.push(span)
      continue
    }
    // A close: close what was opened inside it first, then reopen those (tags must nest).
    const index = stack.findIndex((span) => span.n === piece.n)
    if (index < 0) continue
    const above = stack.splice(index)
    for (const span of [...above].reverse()) out += closeMarkup(span)
    // A field reopened would be a second field: the text after the crossing goes outside it.
    for (const span of above.slice(1)) {
      if (isField.has(span.n)) continue
      out += openMarkup(span)
      stack.push(span)
    }
  }
  for (const span of stack.reverse()) out += closeMarkup(span)
  out += fieldCodes.end
  for (const n of isField) {
    const found = data.get(tagKey({ kind: 'open', n }))
    if (found && !fieldsOpened.has(n))
      out += openMarkup({ n, data: found }) + closeMarkup({ n, data: found })
  }
  return out
}

function readTagData(data: string): DocxTagData | null {
  try {
    const parsed: unknown = JSON.parse(data)
    if (typeof parsed !== 'object' || parsed === null) return null
    if ('f' in parsed && Array.isArray(parsed.f)) return parsed as DocxTagData
    if (
      'o' in parsed &&
      typeof parsed.o === 'string' &&
      'c' in parsed &&
      typeof parsed.c === 'string'
    ) {
      return parsed as DocxTagData
    }
    if ('p' in parsed && Array.isArray(parsed.p)) return parsed as DocxTagData
    return null
  } catch {
    return null // not DOCX tag data (a document imported from another format): no markup
  }
}
