import type { LanguageRules } from './rules/index.ts'

// Whether a period after a word ends the sentence or belongs to the word. Real segmenters
// (Punkt's orthographic heuristic, the SRX rule sets of OmegaT and Okapi) decide from the word
// itself and from the word after it: a title never ends a sentence, `etc.` ends one before a
// capital, and an ambiguous abbreviation (`U.S.`, `Inc.`, `a.m.`) ends one only when what
// follows looks like the start of a sentence rather than a name.

/** The language data prepared for lookups; one per `LanguageRules` object. */
export interface CompiledRules {
  rules: LanguageRules
  neverEnd: Set<string>
  mayEnd: Set<string>
  ambiguous: Set<string>
  starters: Set<string> | null
}

const compiled = new WeakMap<LanguageRules, CompiledRules>()

export function compileRules(rules: LanguageRules): CompiledRules {
  let entry = compiled.get(rules)
  if (!entry) {
    entry = {
      rules,
      neverEnd: new Set(rules.neverEndAfter),
      mayEnd: new Set(rules.mayEndAfter),
      ambiguous: new Set(rules.ambiguousAfter),
      starters: rules.sentenceStarters ? new Set(rules.sentenceStarters) : null,
    }
    compiled.set(rules, entry)
  }
  return entry
}

/** The non-space token that ends right before `end`, without opening quotes or brackets. */
export function tokenBefore(line: string, end: number): { token: string; start: number } {
  let start = end
  while (start > 0 && !/\s/u.test(line[start - 1]!)) start--
  let token = line.slice(start, end)
  const stripped = token.replace(/^[(«"“„'‘[¿¡]+/u, '')
  start += token.length - stripped.length
  token = stripped
  return { token, start }
}

/** The list entry `token` is (spaced abbreviations such as `т. д.` span up to three tokens). */
function findIn(list: ReadonlySet<string>, line: string, token: string, tokenStart: number) {
  if (list.has(token)) return token
  let joined = token
  let start = tokenStart
  for (let extra = 0; extra < 2; extra++) {
    const gap = start - 1
    if (gap <= 0 || line[gap] !== ' ') return null
    const previous = tokenBefore(line, gap)
    if (!previous.token.endsWith('.')) return null
    joined = previous.token + ' ' + joined
    start = previous.start
    if (list.has(joined)) return joined
  }
  return null
}

type Kind = 'never' | 'closing' | 'ambiguous' | 'initial' | 'initialism' | 'ordinal' | 'pronoun'

function kindOf(language: CompiledRules, line: string, token: string, start: number) {
  // Abbreviations opening a sentence are capitalized (`Рис. 3`, `См. выше`).
  const lowered = token.charAt(0).toLowerCase() + token.slice(1)
  const forms = lowered === token ? [token] : [token, lowered]
  // An elided article or preposition is part of the token: `l'art.`, `dell'avv.`, `d’env.`.
  const elided = /^\p{L}+['’](\p{L}.*)$/u.exec(token)?.[1]
  if (elided) forms.push(elided)
  const lists: [Kind, ReadonlySet<string>][] = [
    ['closing', language.mayEnd],
    ['ambiguous', language.ambiguous],
    ['never', language.neverEnd],
  ]
  for (const form of forms) {
    for (const [kind, list] of lists) {
      const found = findIn(list, line, form, start)
      if (found) return { kind, abbreviation: found }
    }
  }
  if (/^\p{L}$/u.test(token)) {
    if (language.rules.hasPronounI && token === 'I') {
      const previous = tokenBefore(line, Math.max(0, start - 1)).token
      if (previous && /^\p{Ll}/u.test(previous))
        return { kind: 'pronoun' as const, abbreviation: token }
    }
    return { kind: 'initial' as const, abbreviation: token }
  }
  // Unlisted initialisms and degrees (`D.C.`, `к.т.н.`, `т.ғ.к.`) act like `U.S.`.
  if (/^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u.test(token))
    return { kind: 'initialism' as const, abbreviation: token }
  if (language.rules.hasDottedOrdinals && /^[-–]?\d{1,2}$/u.test(token)) {
    return { kind: 'ordinal' as const, abbreviation: token }
  }
  return null
}

const isLowercase = (char: string) => char !== char.toUpperCase() && char === char.toLowerCase()

/** What follows a period: the next word and the character it starts with. */
interface Next {
  /** The first non-space character after the mark, '' at the end. */
  char: string
  /** The next word's letters, after dashes and opening quotes. */
  word: string
  /** The character right after that word (a period makes it an initial or an abbreviation). */
  after: string
}

function nextOf(line: string, end: number): Next {
  const match = /^\s*(\S)?/u.exec(line.slice(end, end + 8))
  const word = /^[\s\-–—"'«„“‘¿¡]*([\p{L}\p{M}]+)(.?)/u.exec(line.slice(end, end + 64))
  return { char: match?.[1] ?? '', word: word?.[1] ?? '', after: word?.[2] ?? '' }
}

/** Why a period after a word was kept inside the sentence, or null when it may end it. */
export interface PeriodVerdict {
  belongs: boolean
  rule: 'abbreviation' | 'initial' | 'ordinal' | 'initialism' | 'pronoun-i'
  abbreviation: string
}

/**
 * Decides the period at `periodAt` (the token before it ends there). `sentenceStart` is where
 * the current sentence began, for the introductory-phrase rule. Null: no rule of the token.
 */
export function judgePeriod(
  line: string,
  periodAt: number,
  sentenceStart: number,
  language: CompiledRules,
): PeriodVerdict | null {
  const { token, start } = tokenBefore(line, periodAt)
  if (!token) return null
  const found = kindOf(language, line, token, start)
  if (!found) return null
  const { kind, abbreviation } = found
  const verdict = (belongs: boolean, rule: PeriodVerdict['rule'] = 'abbreviation') => ({
    belongs,
    rule,
    abbreviation: abbreviation + '.',
  })
  if (kind === 'never') return verdict(true)
  if (kind === 'initial') return verdict(true, 'initial')
  if (kind === 'ordinal') return verdict(true, 'ordinal')
  if (kind === 'pronoun') return verdict(false, 'pronoun-i')
  const next = nextOf(line, periodAt + 1)
  // `Inc. (AAPL)`, `etc. (see below)`: an aside in brackets continues the sentence.
  if (/[([]/u.test(next.char)) return verdict(true)
  const capitalFollows = next.word !== '' && !isLowercase(next.word[0]!) && next.char !== ''
  if (!capitalFollows || /\p{N}/u.test(next.char)) return verdict(true)
  if (kind === 'closing') return verdict(false)
  const rule = kind === 'initialism' ? 'initialism' : 'abbreviation'
  // Without a list of starters only a listed abbreviation may end; `J.R.R. Tolkien` stays whole.
  if (!language.starters) return verdict(kind === 'initialism', rule)
  // `At 5 a.m. Mr. Smith went…`: a preposition and a number open the sentence; alone they are
  // no sentence, so the abbreviation after them cannot end one.
  const before = line.slice(sentenceStart, start).trim().split(/\s+/u)
  const isIntroduction =
    before.length === 2 && language.starters.has(before[0]!) && /^\p{N}+$/u.test(before[1]!)
  if (isIntroduction) return verdict(true, rule)
  const isTitle = next.after === '.' && language.neverEnd.has(next.word)
  const isStarter = next.after !== '.' && language.starters.has(next.word)
  return verdict(!(isTitle || isStarter), rule)
}
