import type { LanguageRules } from './rules/index.ts'

// The engine proposes a break after every cluster of sentence-final marks (with the quotes
// and brackets that close over them) and asks, in order: is it inside a URL or a bracketed
// aside; does a lowercase word follow; is the word before it an abbreviation, an initial or an
// ordinal? The first rule that answers decides, as in SRX.

const TERMINALS = '.!?…؟۔‼⁇⁈⁉。！？'
const CLOSERS = `"'”’»)\\]“‘›」』`
// French sets a (narrow) no-break space before closing guillemets: `« Je viens. »`.
const CLUSTER = new RegExp(
  `[${TERMINALS}]+(?:(?:[ \\u00a0\\u202f]?[${CLOSERS}])+[${TERMINALS}]*|\\s\\.(?=\\s|$|[${CLOSERS}]))*`,
  'gu',
)
const LIST_MARKER = /^[\s•⁃▪◦‣●■-]*(?:\p{Nd}{1,3}|\p{L})[.)]?$/u
const URL_OR_EMAIL =
  /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"«»]+|\b(?:https?:)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ru|kz|ae|de|fr|uk|edu|gov|info|io)\b(?:\/[^\s<>"«»]*)?|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '«': '»', '„': '“', '{': '}' }
const LIST_STYLES: { start: RegExp; next: RegExp }[] = [
  { start: /^\s*[•⁃▪◦‣●■]/u, next: /\s(?=[•⁃▪◦‣●■])/gu },
  { start: /^\s*\d{1,3}\.\)\s/u, next: /\s(?=\d{1,3}\.\)\s)/gu },
  { start: /^\s*\d{1,3}\)\s/u, next: /\s(?=\d{1,3}\)\s)/gu },
  { start: /^\s*\d{1,3}\.\s/u, next: /\s(?=\d{1,3}\.\s+\p{Lu})/gu },
  { start: /^\s*[a-z]\.\s/u, next: /\s(?=[a-z]\.\s+\p{Lu})/gu },
]

function protectedMask(line: string): Uint8Array {
  const mask = new Uint8Array(line.length)
  for (const match of line.matchAll(URL_OR_EMAIL)) {
    const text = match[0].replace(/[.,;:!?)»"']+$/u, '')
    mask.fill(1, match.index, match.index + text.length)
  }
  return mask
}

/** 1 for every character strictly inside a bracket or guillemet pair that closes on this line. */
function insideMask(line: string): Uint8Array {
  const mask = new Uint8Array(line.length)
  const open: { at: number; closer: string }[] = []
  for (let k = 0; k < line.length; k++) {
    const char = line[k]!
    const closer = OPENERS[char]
    if (closer) open.push({ at: k, closer })
    else {
      const depth = open.findLastIndex((entry) => entry.closer === char)
      if (depth >= 0) {
        mask.fill(1, open[depth]!.at + 1, k)
        open.length = depth
      }
    }
  }
  return mask
}

function listBreaks(line: string): number[] {
  const style = LIST_STYLES.find((candidate) => candidate.start.test(line))
  if (!style) return []
  return [...line.matchAll(style.next)].map((match) => match.index)
}

const isLowercase = (char: string) => char !== char.toUpperCase() && char === char.toLowerCase()
const isUppercase = (char: string) => char !== char.toLowerCase() && char === char.toUpperCase()

/** The non-space token that ends right before `end`, without opening quotes or brackets. */
function tokenBefore(line: string, end: number): { token: string; start: number } {
  let start = end
  while (start > 0 && !/\s/u.test(line[start - 1]!)) start--
  let token = line.slice(start, end)
  const stripped = token.replace(/^[(«"“„'‘[]+/u, '')
  start += token.length - stripped.length
  token = stripped
  return { token, start }
}

function isAbbreviation(
  list: ReadonlySet<string>,
  line: string,
  token: string,
  tokenStart: number,
): boolean {
  if (list.has(token)) return true
  // Spaced abbreviations (`т. д.`, `z. B.`): try the previous one and two tokens too.
  let joined = token
  let start = tokenStart
  for (let extra = 0; extra < 2; extra++) {
    const gap = start - 1
    if (gap <= 0 || line[gap] !== ' ') return false
    const previous = tokenBefore(line, gap)
    if (!previous.token.endsWith('.')) return false
    joined = previous.token + ' ' + joined
    start = previous.start
    if (list.has(joined)) return true
  }
  return false
}

interface Compiled {
  rules: LanguageRules
  neverEnd: Set<string>
  mayEnd: Set<string>
}

const compiled = new WeakMap<LanguageRules, Compiled>()

function compile(rules: LanguageRules): Compiled {
  let entry = compiled.get(rules)
  if (!entry) {
    entry = { rules, neverEnd: new Set(rules.neverEndAfter), mayEnd: new Set(rules.mayEndAfter) }
    compiled.set(rules, entry)
  }
  return entry
}

/**
 * Whether a period ending the token before `clusterStart` is part of it rather than the end of
 * a sentence. `capitalFollows`: the next word starts with a capital or a caseless letter.
 */
function periodBelongsToToken(
  line: string,
  clusterStart: number,
  language: Compiled,
  capitalFollows: boolean,
): boolean {
  const { token, start } = tokenBefore(line, clusterStart)
  if (!token) return false
  if (isAbbreviation(language.mayEnd, line, token, start)) return !capitalFollows
  if (isAbbreviation(language.neverEnd, line, token, start)) return true
  // Abbreviations opening a sentence are capitalized (`Рис. 3`, `См. выше`).
  const lowered = token.charAt(0).toLowerCase() + token.slice(1)
  if (lowered !== token) {
    if (language.mayEnd.has(lowered)) return !capitalFollows
    if (language.neverEnd.has(lowered)) return true
  }
  if (/^\p{L}$/u.test(token)) {
    if (language.rules.hasPronounI && token === 'I') {
      const previous = tokenBefore(line, Math.max(0, start - 1)).token
      return !previous || !/^\p{Ll}/u.test(previous)
    }
    return true
  }
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(token)) return true
  if (language.rules.hasDottedOrdinals && /^[-–]?\d{1,2}$/u.test(token)) return true
  return false
}

/**
 * Sentence boundaries inside one line of text, as [start, end) pairs trimmed of whitespace,
 * in order. Never returns an empty range.
 */
export function splitSentences(line: string, rules: LanguageRules): [number, number][] {
  const language = compile(rules)
  const isProtected = protectedMask(line)
  const isInside = insideMask(line)
  const listed = listBreaks(line)
  const breaks = new Set<number>(listed)
  let lastBreak = 0
  for (const match of line.matchAll(CLUSTER)) {
    const start = match.index
    const end = start + match[0].length
    if (end >= line.length) continue
    if (isProtected[start] || isInside[end - 1]) continue
    // `[...]` and `(…)` mark an omission inside a sentence, not its end.
    if (/[[(]$/u.test(line.slice(0, start)) && /^[.…]+[\])]/u.test(match[0])) continue
    for (const at of listed) if (at < start) lastBreak = Math.max(lastBreak, at)
    if (LIST_MARKER.test(line.slice(lastBreak, start))) continue
    const next = line[end]!
    if (!/\s/u.test(next)) {
      // No space after the mark: a sentence ends only between a word and a capital
      // (`world.Today`), or between two words of a caseless script (`وصلنا.كان`).
      if (match[0].length !== 1) continue
      const before = line.slice(Math.max(0, start - 2), start)
      const after = line.slice(end, end + 2)
      const isCased = /^[\p{L}\d]?[\p{Ll}\d]$/u.test(before) && isUppercase(next)
      const isCaseless = /^\p{Lo}{2}$/u.test(before) && /^\p{Lo}{2}$/u.test(after)
      if (!isCased && !isCaseless) continue
    } else {
      const following = /^[\s\-–—]*(\S)/u.exec(line.slice(end))?.[1] ?? ''
      if (!following || isLowercase(following) || /[,;:]/u.test(following)) continue
    }
    if (match[0] === '.') {
      const word = /^[\s\-–—"'«„“‘([]*(\p{L})/u.exec(line.slice(end))?.[1] ?? ''
      const capitalFollows = word !== '' && !isLowercase(word)
      if (periodBelongsToToken(line, start, language, capitalFollows)) continue
    }
    breaks.add(end)
    lastBreak = end
  }
  const ranges: [number, number][] = []
  let from = 0
  for (const at of [...breaks].sort((a, b) => a - b).concat(line.length)) {
    const piece = line.slice(from, at)
    const leading = piece.length - piece.trimStart().length
    const body = piece.trim()
    if (body) ranges.push([from + leading, from + leading + body.length])
    from = at
  }
  return ranges
}
