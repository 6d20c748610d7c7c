import { MarkupError, MAX_UNIT_CHARS, type TextUnit } from '../textUnits/index.ts'
import { scanInline, type SoftBreak } from './scanInline.ts'

/*
 * The block part of the CommonMark subset (plus GFM tables) we translate, scanned line by
 * line: ATX and setext headings, paragraphs, block quotes and list items (their markers stay
 * in the source, their text is read), table cells. Front matter (--- or +++), fenced and
 * indented code, HTML blocks, thematic breaks, link reference definitions and table
 * delimiter rows are never read. Container nesting is followed as far as prefixes go: a
 * line's `>` markers, list marker and indentation are its prefix, the rest its content.
 */

/** A translatable unit and the source range it is written back into. */
export interface MarkdownUnit {
  start: number
  end: number
  unit: TextUnit
  /** The unit's soft line breaks: blanks of its text that are line breaks in the source. */
  softBreaks: SoftBreak[]
}

export interface MarkdownLayout {
  units: MarkdownUnit[]
}

interface Line {
  start: number
  end: number
  /** Where the content starts after `>` markers, a list marker and indentation. */
  content: number
  quotes: number
  isListItem: boolean
  /** Columns of indentation before the content (after containers). */
  indent: number
}

const LIST_MARKER = /^([-*+]|\d{1,9}[.)])(?:[ \t]+|$)/
const THEMATIC = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const FENCE = /^(`{3,}|~{3,})/
const ATX = /^(#{1,6})(?:[ \t]+|$)/
const SETEXT = /^(?:=+|-+)[ \t]*$/
const LINK_DEFINITION = /^\[[^\]]{1,999}\]:/
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/
const HTML_RAW = /^<(script|pre|style|textarea)(?:[\s>]|$)/i
const HTML_BLOCK =
  /^<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s/>]|\/>|$)/i
const HTML_TAG_LINE =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/

function splitLines(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = []
  const eol = /\r\n|\n|\r/g
  let start = 0
  for (let match = eol.exec(text); match; match = eol.exec(text)) {
    lines.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  if (start < text.length) lines.push({ start, end: text.length })
  return lines
}

function readLine(text: string, range: { start: number; end: number }): Line {
  let at = range.start
  let quotes = 0
  for (;;) {
    let spaces = 0
    while (spaces < 3 && text[at + spaces] === ' ') spaces++
    if (text[at + spaces] !== '>' || at + spaces >= range.end) break
    at += spaces + 1
    quotes++
    if (text[at] === ' ' || text[at] === '\t') at++
  }
  let indent = 0
  while (at < range.end && (text[at] === ' ' || text[at] === '\t')) {
    indent += text[at] === '\t' ? 4 - (indent % 4) : 1
    at++
  }
  const rest = text.slice(at, Math.min(range.end, at + 20))
  let isListItem = false
  if (indent < 4 && !THEMATIC.test(text.slice(at, range.end))) {
    const marker = LIST_MARKER.exec(rest)
    if (marker && at + marker[0].length <= range.end && text.slice(at, range.end).trim() !== '') {
      isListItem =
        text.slice(at + marker[0].length, range.end).trim() !== '' || marker[0].length > 0
      at += marker[0].length
      indent = 0
    }
  }
  return { start: range.start, end: range.end, content: at, quotes, isListItem, indent }
}

/** Cells of a table row: ranges of their trimmed content, split at unescaped pipes. */
function tableCells(text: string, from: number, to: number): Array<{ start: number; end: number }> {
  const cells: Array<{ start: number; end: number }> = []
  let cellStart = from
  let inCode = false
  const push = (end: number) => {
    let start = cellStart
    let stop = end
    while (start < stop && /[ \t]/.test(text[start]!)) start++
    while (stop > start && /[ \t]/.test(text[stop - 1]!)) stop--
    cells.push({ start, end: stop })
  }
  for (let i = from; i < to; i++) {
    const char = text[i]
    if (char === '\\') i++
    else if (char === '`') inCode = !inCode
    else if (char === '|' && !inCode) {
      if (i > from || text.slice(from, i).trim() !== '') push(i)
      cellStart = i + 1
    }
  }
  if (text.slice(cellStart, to).trim() !== '') push(to)
  return cells.filter((cell) => cell.end > cell.start)
}

/**
 * The translatable units of a Markdown text and their source ranges. Throws `MarkupError`
 * `too_long` for a unit longer than {@link MAX_UNIT_CHARS}; never changes the text.
 */
export function readMarkdown(text: string): MarkdownLayout {
  const units: MarkdownUnit[] = []
  const ranges = splitLines(text)
  let paragraph: Array<{ start: number; end: number }> = []
  let paragraphQuotes = 0
  let inList = false
  let previousBlank = true

  const addUnit = (parts: ReadonlyArray<{ start: number; end: number }>) => {
    const first = parts[0]
    const last = parts[parts.length - 1]
    if (!first || !last) return
    let end = last.end
    while (end > first.start && /[ \t]/.test(text[end - 1]!)) end--
    const trimmed = [...parts.slice(0, -1), { start: last.start, end }]
    const source = trimmed.map((part) => text.slice(part.start, part.end)).join('\n')
    if (source.trim() === '') return
    if (source.length > MAX_UNIT_CHARS) {
      throw new MarkupError('too_long', `a paragraph holds ${source.length} characters`)
    }
    const breaks = trimmed.slice(1).map((part, i) => text.slice(trimmed[i]!.end, part.start))
    const { softBreaks, ...unit } = scanInline(source, breaks)
    units.push({ start: first.start, end, unit, softBreaks })
  }
  const flush = () => {
    addUnit(paragraph)
    paragraph = []
  }

  let index = 0
  // Front matter: YAML between --- lines (or TOML between +++) at the very start.
  const opening = ranges[0] && text.slice(ranges[0].start, ranges[0].end).trimEnd()
  if (opening === '---' || opening === '+++') {
    const closing = ranges.findIndex((range, i) => {
      const line = text.slice(range.start, range.end).trimEnd()
      return i > 0 && (line === opening || (opening === '---' && line === '...'))
    })
    if (closing > 0) index = closing + 1
  }

  while (index < ranges.length) {
    const line = readLine(text, ranges[index]!)
    const content = text.slice(line.content, line.end)
    const isBlank = content.trim() === '' && !line.isListItem
    if (isBlank) {
      flush()
      previousBlank = true
      index++
      continue
    }
    if (line.isListItem) inList = true
    else if (previousBlank && line.indent === 0 && line.quotes === 0) inList = false
    previousBlank = false
    const isIndentedCode =
      line.indent >= (inList ? 8 : 4) && paragraph.length === 0 && !line.isListItem
    const fence = line.indent < 4 ? FENCE.exec(content) : null
    if (isIndentedCode) {
      index++
      continue
    }
    if (fence && !(fence[1]![0] === '`' && content.slice(fence[1]!.length).includes('`'))) {
      flush()
      const marker = fence[1]!
      index++
      while (index < ranges.length) {
        const inner = readLine(text, ranges[index]!)
        const body = text.slice(inner.content, inner.end).trim()
        index++
        if (body.startsWith(marker[0]!.repeat(marker.length)) && /^(`+|~+)$/.test(body)) break
      }
      continue
    }
    if (line.indent < 4 && HTML_RAW.test(content)) {
      flush()
      const tag = HTML_RAW.exec(content)![1]!.toLowerCase()
      while (index < ranges.length) {
        const body = text.slice(ranges[index]!.start, ranges[index]!.end)
        index++
        if (body.toLowerCase().includes(`</${tag}>`)) break
      }
      continue
    }
    if (line.indent < 4 && content.startsWith('<!--')) {
      flush()
      while (index < ranges.length) {
        const body = text.slice(ranges[index]!.start, ranges[index]!.end)
        index++
        if (body.includes('-->')) break
      }
      continue
    }
    const isHtmlBlock =
      line.indent < 4 &&
      (HTML_BLOCK.test(content) || (paragraph.length === 0 && HTML_TAG_LINE.test(content)))
    if (isHtmlBlock) {
      flush()
      while (
        index < ranges.length &&
        text.slice(ranges[index]!.start, ranges[index]!.end).trim() !== ''
      ) {
        index++
      }
      continue
    }
    if (paragraph.length > 0 && !line.isListItem && line.indent < 4 && SETEXT.test(content)) {
      flush()
      index++
      continue
    }
    if (line.indent < 4 && THEMATIC.test(content)) {
      flush()
      index++
      continue
    }
    const atx = line.indent < 4 ? ATX.exec(content) : null
    if (atx) {
      flush()
      const start = line.content + atx[0].length
      let end = line.end
      const body = text.slice(start, end)
      const closing = /(?:^|[ \t]+)#+[ \t]*$/.exec(body)
      if (closing) end = start + closing.index
      addUnit([{ start, end }])
      index++
      continue
    }
    if (paragraph.length === 0 && LINK_DEFINITION.test(content)) {
      index++
      continue
    }
    const next = ranges[index + 1] ? readLine(text, ranges[index + 1]!) : null
    const nextContent = next ? text.slice(next.content, next.end) : ''
    if (
      paragraph.length === 0 &&
      content.includes('|') &&
      next &&
      TABLE_DELIMITER.test(nextContent) &&
      nextContent.includes('-')
    ) {
      for (const cell of tableCells(text, line.content, line.end)) addUnit([cell])
      index += 2
      while (index < ranges.length) {
        const row = readLine(text, ranges[index]!)
        const body = text.slice(row.content, row.end)
        if (body.trim() === '' || !body.includes('|')) break
        for (const cell of tableCells(text, row.content, row.end)) addUnit([cell])
        index++
      }
      continue
    }
    if (line.isListItem || line.quotes > paragraphQuotes) flush()
    if (paragraph.length === 0) paragraphQuotes = line.quotes
    paragraph.push({ start: line.content, end: line.end })
    index++
  }
  flush()
  return { units }
}
