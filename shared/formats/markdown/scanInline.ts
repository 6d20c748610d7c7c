import type { TextUnit, UnitTag } from '../textUnits/index.ts'

/*
 * The inline part of the CommonMark subset we translate: code spans, autolinks and inline
 * HTML become protected standalone tags; links and images become a pair of tags around their
 * translatable text (`[` … `](url "title")`, the URL and title inside the close tag, never
 * shown as text); emphasis (`*`, `_`, GFM `~~`) follows the spec's delimiter-run rules
 * (left/right flanking, the rule of three) and becomes paired tags; hard line breaks are
 * standalone tags and soft ones a blank, whose place and source text are kept for the export
 * to write the original's lines back. Backslash escapes and entities stay as written.
 */

type Tag = Omit<UnitTag, 'offset'>

interface Delimiter {
  type: 'delim'
  char: string
  count: number
  readonly original: number
  canOpen: boolean
  canClose: boolean
  closeTags: Tag[]
  openTags: Tag[]
}

type Piece =
  | { type: 'text'; text: string }
  | { type: 'tag'; tag: Tag }
  | { type: 'soft'; raw: string }
  | Delimiter

/**
 * A soft line break of the source, read as the blank at `offset` of the unit's text: `raw` is
 * what the source has there (the line's trailing blanks, its ending, the next line's prefix).
 */
export interface SoftBreak {
  offset: number
  raw: string
}

/** A Markdown unit with the soft line breaks its text reads as blanks. */
export interface MarkdownText extends TextUnit {
  softBreaks: SoftBreak[]
}

/** Most emphasis delimiters one unit resolves; beyond, `*` and `_` are plain text. */
const MAX_DELIMITERS = 10_000

const PUNCTUATION = /[!-/:-@[-`{-~\p{P}\p{S}]/u
const WHITESPACE = /\s/u

const AUTOLINK = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|^<[^\s@<>\\]+@[^\s@<>\\]+>/
const INLINE_HTML =
  /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|^<!--[\s\S]*?-->/
const PLAIN = /[^\\`<[\]!*_~\n]+/y

/** Where a link's destination (and title) after `]` ends: `(…)` balanced, or `[label]`. */
function linkTail(s: string, at: number): number {
  if (s[at] === '[') {
    const close = s.indexOf(']', at + 1)
    if (close < 0 || close - at > 1000 || s.slice(at + 1, close).includes('[')) return -1
    return close + 1
  }
  if (s[at] !== '(') return -1
  let depth = 0
  let quote: string | null = null
  for (let i = at; i < s.length && i - at < 10_000; i++) {
    const char = s[i]!
    if (char === '\\') {
      i++
      continue
    }
    if (quote !== null) {
      if (char === quote) quote = null
      continue
    }
    if ((char === '"' || char === "'") && depth === 1 && WHITESPACE.test(s[i - 1] ?? ''))
      quote = char
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return i + 1
  }
  return -1
}

function flanking(s: string, start: number, end: number): { left: boolean; right: boolean } {
  const before = s[start - 1] ?? ' '
  const after = s[end] ?? ' '
  const beforeSpace = WHITESPACE.test(before)
  const afterSpace = WHITESPACE.test(after)
  const beforePunct = PUNCTUATION.test(before)
  const afterPunct = PUNCTUATION.test(after)
  return {
    left: !afterSpace && (!afterPunct || beforeSpace || beforePunct),
    right: !beforeSpace && (!beforePunct || afterSpace || afterPunct),
  }
}

function resolveEmphasis(pieces: Piece[], nextPair: () => number): void {
  const delimiters = pieces.filter((piece): piece is Delimiter => piece.type === 'delim')
  const bottom = new Map<string, number>()
  for (let c = 0; c < delimiters.length; c++) {
    const closer = delimiters[c]!
    while (closer.canClose && closer.count > 0) {
      const key = `${closer.char}${closer.canOpen}${closer.original % 3}`
      let found = -1
      for (let o = c - 1; o >= (bottom.get(key) ?? 0); o--) {
        const opener = delimiters[o]!
        if (opener.char !== closer.char || !opener.canOpen || opener.count === 0) continue
        if (closer.char === '~' && (opener.count < 2 || closer.count < 2)) continue
        const isOdd =
          (opener.canClose || closer.canOpen) &&
          (opener.original + closer.original) % 3 === 0 &&
          !(opener.original % 3 === 0 && closer.original % 3 === 0)
        if (!isOdd) {
          found = o
          break
        }
      }
      if (found < 0) {
        bottom.set(key, c)
        break
      }
      const opener = delimiters[found]!
      const use = closer.char === '~' || (opener.count >= 2 && closer.count >= 2) ? 2 : 1
      const raw = closer.char.repeat(use)
      const label = closer.char === '~' ? 'strike' : use === 2 ? 'bold' : 'italic'
      const pair = nextPair()
      opener.openTags.unshift({ kind: 'open', label, raw, pair })
      closer.closeTags.push({ kind: 'close', label, raw, pair })
      opener.count -= use
      closer.count -= use
      for (let between = found + 1; between < c; between++) {
        delimiters[between]!.canOpen = false
        delimiters[between]!.canClose = false
      }
    }
  }
}

/**
 * One paragraph, heading or cell of Markdown as a text unit. `s` is its source with the lines
 * joined by `\n`; `breaks[i]` is what the source has between line i's end and line i+1's
 * content (the line ending and the next line's container prefix), kept in hard-break tags.
 */
export function scanInline(s: string, breaks: readonly string[]): MarkdownText {
  const pieces: Piece[] = []
  const brackets: Array<{ piece: number; isImage: boolean }> = []
  let pairs = 0
  let delimiterCount = 0
  let lineBreak = 0
  const text = (value: string) => pieces.push({ type: 'text', text: value })
  let i = 0
  while (i < s.length) {
    PLAIN.lastIndex = i
    const plain = PLAIN.exec(s)
    if (plain) {
      text(plain[0])
      i += plain[0].length
      continue
    }
    const char = s[i]!
    if (char === '\\') {
      const next = s[i + 1]
      if (next !== undefined && next !== '\n') {
        text(s.slice(i, i + 2))
        i += 2
      } else {
        text('\\')
        i++
      }
      continue
    }
    if (char === '\n') {
      const last = pieces[pieces.length - 1]
      const raw = breaks[lineBreak++] ?? '\n'
      const trailing = last?.type === 'text' ? /( {2,}|\\)$/.exec(last.text) : null
      if (last?.type === 'text' && trailing) {
        last.text = last.text.slice(0, -trailing[0].length)
        pieces.push({
          type: 'tag',
          tag: { kind: 'standalone', label: 'br', raw: trailing[0] + raw },
        })
      } else {
        let blanks = ''
        if (last?.type === 'text') {
          const kept = last.text.trimEnd()
          blanks = last.text.slice(kept.length)
          last.text = kept
        }
        pieces.push({ type: 'soft', raw: blanks + raw })
      }
      i++
      continue
    }
    if (char === '`') {
      const run = /^`+/.exec(s.slice(i, i + 1000))![0].length
      let search = i + run
      let end = -1
      while (search < s.length) {
        const at = s.indexOf('`'.repeat(run), search)
        if (at < 0) break
        let length = run
        while (s[at + length] === '`') length++
        if (length === run && s[at - 1] !== '`') {
          end = at + run
          break
        }
        search = at + length
      }
      if (end < 0) {
        text(s.slice(i, i + run))
        i += run
      } else {
        pieces.push({
          type: 'tag',
          tag: { kind: 'standalone', label: 'code', raw: s.slice(i, end) },
        })
        i = end
      }
      continue
    }
    if (char === '<') {
      const head = s.slice(i, i + 2000)
      const match = AUTOLINK.exec(head) ?? INLINE_HTML.exec(head)
      if (match) {
        pieces.push({ type: 'tag', tag: { kind: 'standalone', label: 'html', raw: match[0] } })
        i += match[0].length
      } else {
        text('<')
        i++
      }
      continue
    }
    if (char === '!' && s[i + 1] === '[') {
      brackets.push({ piece: pieces.length, isImage: true })
      text('![')
      i += 2
      continue
    }
    if (char === '!') {
      text('!')
      i++
      continue
    }
    if (char === '[') {
      brackets.push({ piece: pieces.length, isImage: false })
      text('[')
      i++
      continue
    }
    if (char === ']') {
      const opener = brackets.pop()
      const end = opener ? linkTail(s, i + 1) : -1
      if (!opener || end < 0) {
        text(']')
        i++
        continue
      }
      const pair = ++pairs
      const label = opener.isImage ? 'image' : 'link'
      pieces[opener.piece] = {
        type: 'tag',
        tag: { kind: 'open', label, raw: opener.isImage ? '![' : '[', pair },
      }
      pieces.push({ type: 'tag', tag: { kind: 'close', label, raw: s.slice(i, end), pair } })
      // A link holds no link: the brackets opened before this one are text now.
      if (!opener.isImage) brackets.length = 0
      i = end
      continue
    }
    // `*`, `_` or `~`: a delimiter run.
    let end = i
    while (s[end] === char) end++
    const count = end - i
    const flank = flanking(s, i, end)
    const isDelimiter =
      delimiterCount < MAX_DELIMITERS &&
      (char !== '~' || count === 2) &&
      (flank.left || flank.right)
    if (!isDelimiter) {
      text(s.slice(i, end))
    } else {
      delimiterCount++
      const punctBefore = PUNCTUATION.test(s[i - 1] ?? ' ')
      const punctAfter = PUNCTUATION.test(s[end] ?? ' ')
      pieces.push({
        type: 'delim',
        char,
        count,
        original: count,
        canOpen: char === '_' ? flank.left && (!flank.right || punctBefore) : flank.left,
        canClose: char === '_' ? flank.right && (!flank.left || punctAfter) : flank.right,
        closeTags: [],
        openTags: [],
      })
    }
    i = end
  }
  resolveEmphasis(pieces, () => ++pairs)
  let out = ''
  const tags: UnitTag[] = []
  const softBreaks: SoftBreak[] = []
  for (const piece of pieces) {
    if (piece.type === 'text') out += piece.text
    else if (piece.type === 'soft') {
      softBreaks.push({ offset: out.length, raw: piece.raw })
      out += ' '
    } else if (piece.type === 'tag') tags.push({ ...piece.tag, offset: out.length })
    else {
      for (const tag of piece.closeTags) tags.push({ ...tag, offset: out.length })
      out += piece.char.repeat(piece.count)
      for (const tag of piece.openTags) tags.push({ ...tag, offset: out.length })
    }
  }
  return { text: out, tags, softBreaks }
}
