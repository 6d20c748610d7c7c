import type { ExportPolicy } from '../../export/index.ts'
import {
  segmentsByUnit,
  sourceSpans,
  writeUnit,
  type UnitSegment,
  type UnitWriter,
} from '../textUnits/index.ts'
import type { MarkdownLayout, MarkdownUnit } from './readMarkdown.ts'

/**
 * The Markdown text (as imported) with each unit replaced by its segments as `policy` writes
 * them; tags are written as the source's markup of that place, everything outside the units
 * is the source's own. The source's soft line breaks stay where its own text is written
 * (around and between sentences, an untranslated sentence); a translation has none of its
 * own, so in a paragraph wrapped inside sentences it is wrapped at the width of the
 * original's longest line, each new line opened with the original's line prefix.
 */
export function writeMarkdown(
  text: string,
  layout: MarkdownLayout,
  segments: readonly UnitSegment[],
  policy: ExportPolicy,
): string {
  const groups = segmentsByUnit(segments, layout.units.length)
  let out = ''
  let at = 0
  layout.units.forEach((unit, index) => {
    const group = groups[index]!
    const writer = unitWriter(text, unit, group)
    const written = writeUnit(unit.unit, group, policy, writer) + writer.end()
    out += text.slice(at, unit.start) + written
    at = unit.end
  })
  return out + text.slice(at)
}

/** Where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  let at = offset
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--
  return at
}

/** The column after `written`, continuing from `column`. */
function columnAfter(column: number, written: string): number {
  const newline = Math.max(written.lastIndexOf('\n'), written.lastIndexOf('\r'))
  return newline < 0 ? column + written.length : written.length - newline - 1
}

/**
 * Whether a line may start with `word` and stay a paragraph's continuation: a letter or a
 * digit, but not an ordered list's marker (`-`, `#`, `>`, `=`, a fence, a tag would open
 * another block).
 */
function mayStartLine(word: string): boolean {
  return /^[\p{L}\p{N}]/u.test(word) && !/^\d{1,9}[.)]/.test(word)
}

/**
 * How one unit is written: its own text with its soft line breaks as the source has them,
 * translated text on the unit's lines (wrapped when the source wraps inside sentences).
 */
function unitWriter(
  text: string,
  unit: MarkdownUnit,
  segments: readonly UnitSegment[],
): UnitWriter & { end(): string } {
  const firstBreak = unit.softBreaks[0]
  const spans = sourceSpans(segments)
  const wrapsInsideSentences = unit.softBreaks.some((soft) =>
    spans.some((span) => soft.offset > span.start && soft.offset < span.end),
  )
  const from = lineStart(text, unit.start)
  const width = Math.max(
    ...text
      .slice(from, unit.end)
      .split(/\r\n|\r|\n/)
      .map((line) => line.length),
  )
  // A new line: the original's line ending and the next line's prefix, without the blanks
  // that ended its line (two of them would make a hard break).
  const newLine = firstBreak && wrapsInsideSentences ? firstBreak.raw.replace(/^[ \t]+/, '') : null
  let column = unit.start - from
  const own = (value: string, at: number): string => {
    let out = ''
    let from = 0
    for (const soft of unit.softBreaks) {
      const i = soft.offset - at
      if (i < 0 || i >= value.length) continue
      out += value.slice(from, i) + soft.raw
      from = i + 1
    }
    return out + value.slice(from)
  }
  // The blanks ending the unit's own text wait for what follows: a translation starting
  // there may open its new line in their place (the gap between two sentences).
  let held = ''
  const translated = (value: string): string => {
    const words = (held + value.replace(/[\r\n]+/g, ' ')).split(/( +)/)
    const follows = held !== ''
    held = ''
    if (newLine === null) return words.join('')
    let out = ''
    let col = column
    words.forEach((word, i) => {
      const previous = words[i - 1] ?? ''
      const next = words[i + 1] ?? ''
      const isBlank = i % 2 === 1
      if (
        isBlank &&
        (previous !== '' || (i === 1 && follows)) &&
        !previous.endsWith('\\') &&
        col + word.length + next.length > width &&
        mayStartLine(next)
      ) {
        out += newLine
        col = columnAfter(col, newLine)
        return
      }
      out += word
      col += word.length
    })
    return out
  }
  const release = (): string => {
    const blanks = held
    held = ''
    return blanks
  }
  const ownText = (value: string, at: number): string => {
    const written = release() + own(value, at)
    if (newLine === null) return written
    const kept = written.replace(/ +$/, '')
    held = written.slice(kept.length)
    return kept
  }
  return {
    text: (value, at) => {
      const written = at === undefined ? translated(value) : ownText(value, at)
      column = columnAfter(column, written)
      return written
    },
    tag: (tag) => {
      const written = release() + tag.raw
      column = columnAfter(column, written)
      return written
    },
    end: release,
  }
}
