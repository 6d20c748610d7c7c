import type { ExportPolicy } from '../../export/index.ts'
import { languageDirection } from '../../text/index.ts'
import { segmentsByUnit, writeUnit, type UnitSegment, type UnitTag } from '../textUnits/index.ts'
import type { HtmlLayout } from './readHtml.ts'

export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (char) =>
    char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&nbsp;',
  )
}

export function escapeHtmlAttribute(text: string): string {
  return text.replace(/[&"\u00a0]/g, (char) =>
    char === '&' ? '&amp;' : char === '"' ? '&quot;' : '&nbsp;',
  )
}

interface Edit {
  start: number
  end: number
  text: string
}

function applyEdits(text: string, from: number, to: number, edits: readonly Edit[]): string {
  let out = ''
  let at = from
  for (const edit of edits) {
    if (edit.start < at || edit.end > to) continue
    out += text.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return out + text.slice(at, to)
}

/**
 * The HTML page `text` (as imported, decoded) with each unit's text replaced by its segments
 * as `policy` writes them, `lang` set to the target language and `dir` to its direction (set
 * when right to left, or when the page had one). Everything else is the source's own text;
 * inline tags are written as the source's markup of that place. Throws `MarkupError`
 * `mismatch` when `segments` were not read from this text.
 */
export function writeHtml(
  text: string,
  layout: HtmlLayout,
  segments: readonly UnitSegment[],
  policy: ExportPolicy,
  targetLang: string,
): string {
  const groups = segmentsByUnit(segments, layout.units.length)
  const nested: Edit[] = []
  const top: Edit[] = []
  layout.units.forEach((unit, index) => {
    if (unit.kind !== 'attribute') return
    const value = writeUnit(unit.unit, groups[index]!, policy, { text: (s) => s, tag: () => '' })
    const edit = {
      start: unit.start,
      end: unit.end,
      text: `${unit.name}="${escapeHtmlAttribute(value)}"`,
    }
    ;(unit.isNested ? nested : top).push(edit)
  })
  nested.sort((a, b) => a.start - b.start)
  layout.units.forEach((unit, index) => {
    if (unit.kind !== 'run') return
    const ranges = new Map<UnitTag, { start: number; end: number }>()
    unit.unit.tags.forEach((tag, i) => ranges.set(tag, unit.ranges[i]!))
    const written = writeUnit(unit.unit, groups[index]!, policy, {
      text: escapeHtmlText,
      tag: (tag) => {
        const range = ranges.get(tag)!
        return applyEdits(text, range.start, range.end, nested)
      },
    })
    top.push({ start: unit.start, end: unit.end, text: written })
  })
  if (layout.root) {
    const direction = languageDirection(targetLang)
    const lang = `lang="${escapeHtmlAttribute(targetLang)}"`
    const dir = `dir="${direction}"`
    let inserted = ''
    if (layout.root.lang) top.push({ ...layout.root.lang, text: lang })
    else inserted += ` ${lang}`
    if (layout.root.dir) top.push({ ...layout.root.dir, text: dir })
    else if (direction === 'rtl') inserted += ` ${dir}`
    if (inserted !== '') {
      top.push({ start: layout.root.insertAt, end: layout.root.insertAt, text: inserted })
    }
  }
  top.sort((a, b) => a.start - b.start || a.end - b.end)
  return applyEdits(text, 0, text.length, top)
}
