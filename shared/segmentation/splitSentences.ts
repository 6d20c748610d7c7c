import { compileRules, judgePeriod, type CompiledRules } from './abbreviations.ts'
import { CLOSERS, TERMINALS } from './marks.ts'
import type { LanguageRules } from './rules/index.ts'
import type { BreakDecision } from './types.ts'

// The engine proposes a break after every cluster of sentence-final marks (with the quotes
// and brackets that close over them) and asks, in order: is it inside a URL or a bracketed
// aside; does a lowercase word follow; is the word before it an abbreviation, an initial or an
// ordinal? The first rule that answers decides, as in SRX.

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

const clusters = new Map<string, RegExp>()

/** Marks with the closers over them; French sets a (narrow) no-break space before `»`. */
function clusterPattern(terminals: string): RegExp {
  let pattern = clusters.get(terminals)
  if (!pattern) {
    const marks = terminals.replace(/[\]\\^-]/gu, '\\$&')
    pattern = new RegExp(
      `[${marks}]+(?:(?:[ \\u00a0\\u202f]?[${CLOSERS}])+[${marks}]*|\\s\\.(?=\\s|$|[${CLOSERS}]))*`,
      'gu',
    )
    clusters.set(terminals, pattern)
  }
  return pattern
}

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

/** How an ellipsis cluster reads: three dots mark an omission, a fourth one ends a sentence. */
function ellipsisOf(cluster: string): 'none' | 'omission' | 'final' {
  const dots = cluster.replace(/[^.…]/gu, '')
  const length = [...dots].reduce((sum, char) => sum + (char === '…' ? 3 : 1), 0)
  if (length < 3) return 'none'
  return length >= 4 ? 'final' : 'omission'
}

/** `Ph.D.`, `U.S.A.`, `т.ғ.к.`: the period sits inside a dotted abbreviation. */
function isDottedToken(line: string, at: number): boolean {
  let from = at
  while (from > 0 && !/\s/u.test(line[from - 1]!)) from--
  let to = at
  while (to < line.length && !/\s/u.test(line[to]!)) to++
  const token = line.slice(from, to).replace(/^[(«"“„'‘[¿¡]+|[.,;:!?)»"'”’]+$/gu, '')
  return /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(token)
}

type Decide = (isBreak: boolean, rule: BreakDecision['rule'], detail?: string) => void

function judgeCluster(
  line: string,
  start: number,
  end: number,
  cluster: string,
  sentenceStart: number,
  language: CompiledRules,
  decide: Decide,
): void {
  const next = line[end]!
  const ellipsis = ellipsisOf(cluster)
  if (!/\s/u.test(next)) {
    // No space after the mark: a sentence ends only between a word and a capital
    // (`world.Today`), or between two words of a caseless script (`وصلنا.كان`); an ellipsis
    // without a space (`mean...see`, `mean…See`) is inside the sentence.
    if ([...cluster].length !== 1 || ellipsis !== 'none') return decide(false, 'no-space')
    if (isDottedToken(line, start)) return decide(false, 'initialism')
    const before = line.slice(Math.max(0, start - 2), start)
    const after = line.slice(end, end + 2)
    const isCased = /^[\p{L}\d]?[\p{Ll}\d]$/u.test(before) && isUppercase(next)
    const isCaseless = /^\p{Lo}{2}$/u.test(before) && /^\p{Lo}{2}$/u.test(after)
    if (!isCased && !isCaseless) return decide(false, 'no-space')
    return decide(true, 'end')
  }
  const following = /^[\s\-–—]*(\S)/u.exec(line.slice(end, end + 16))?.[1] ?? ''
  if (!following || isLowercase(following) || /[,;:]/u.test(following)) {
    return decide(false, 'lowercase-follows')
  }
  // `the thing is . . . I didn't mean it`: the pronoun I is capitalized anywhere, so after an
  // omission it is no sign of a new sentence.
  if (
    ellipsis === 'omission' &&
    language.rules.hasPronounI &&
    /^\s+I\b(?!\.)/u.test(line.slice(end))
  ) {
    return decide(false, 'ellipsis-before-i')
  }
  if (cluster === '.') {
    const verdict = judgePeriod(line, start, sentenceStart, language)
    if (verdict) return decide(!verdict.belongs, verdict.rule, verdict.abbreviation)
  }
  decide(true, 'end')
}

/**
 * Break offsets inside one line of text, ascending, each right after the mark that ends a
 * sentence (or before a list marker). `onDecision` hears every break and every vetoed mark.
 */
export function findBreaks(
  line: string,
  rules: LanguageRules,
  onDecision?: (decision: BreakDecision) => void,
): number[] {
  const language = compileRules(rules)
  const isProtected = protectedMask(line)
  const isInside = insideMask(line)
  const listed = listBreaks(line)
  const breaks = new Set<number>(listed)
  for (const at of listed) onDecision?.({ at, isBreak: true, rule: 'list-item' })
  let lastBreak = 0
  for (const match of line.matchAll(clusterPattern(rules.terminals ?? TERMINALS))) {
    const start = match.index
    const end = start + match[0].length
    if (end >= line.length) continue
    const decide: Decide = (isBreak, rule, detail) => {
      onDecision?.(
        detail === undefined ? { at: end, isBreak, rule } : { at: end, isBreak, rule, detail },
      )
      if (!isBreak) return
      breaks.add(end)
      lastBreak = end
    }
    if (isProtected[start]) {
      decide(false, 'url')
      continue
    }
    if (isInside[end - 1]) {
      decide(false, 'brackets')
      continue
    }
    // `[...]` and `(…)` mark an omission inside a sentence, not its end.
    if (/[[(]$/u.test(line.slice(0, start)) && /^[.…]+[\])]/u.test(match[0])) {
      decide(false, 'omission')
      continue
    }
    for (const at of listed) if (at < start) lastBreak = Math.max(lastBreak, at)
    if (LIST_MARKER.test(line.slice(lastBreak, start))) {
      decide(false, 'list-marker')
      continue
    }
    judgeCluster(line, start, end, match[0], lastBreak, language, decide)
  }
  return [...breaks].sort((a, b) => a - b)
}

/** The [start, end) ranges between breaks, trimmed of whitespace; never an empty one. */
export function rangesBetween(line: string, breaks: readonly number[]): [number, number][] {
  const ranges: [number, number][] = []
  let from = 0
  for (const at of [...breaks, line.length]) {
    const piece = line.slice(from, at)
    const leading = piece.length - piece.trimStart().length
    const body = piece.trim()
    if (body) ranges.push([from + leading, from + leading + body.length])
    from = at
  }
  return ranges
}

/**
 * Sentence boundaries inside one line of text, as [start, end) pairs trimmed of whitespace,
 * in order. Never returns an empty range.
 */
export function splitSentences(line: string, rules: LanguageRules): [number, number][] {
  return rangesBetween(line, findBreaks(line, rules))
}
