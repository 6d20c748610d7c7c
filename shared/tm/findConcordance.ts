import { foldText, stemKeys } from '../text/index.ts'
import type { ConcordanceOptions, TmIndex } from './TmIndex.ts'
import { tokenKey } from './tokenKeys.ts'
import { tokenize, type TextToken } from './tokenize.ts'

/** A stretch of a text where the concordance query was found: UTF-16 offsets `[start, end)`. */
export interface HitSpan {
  start: number
  end: number
}

/** A unit where the query was found, with the hits in the searched side's text. */
export interface ConcordanceHit {
  id: number
  spans: HitSpan[]
}

/** The texts of a unit, read from wherever the memory is stored. */
export interface ConcordanceTexts {
  source: string
  target: string
  targetLang: string
}

type TokenMatcher = (text: string, token: TextToken) => boolean

// Punctuation and tags are skipped on both sides: "архивы, библиотеки" is found by
// "архивы библиотеки". Words match by any shared stem, numbers by value.
function isSearchable(token: TextToken): boolean {
  return token.kind === 'word' || token.kind === 'number'
}

function matcherFor(query: string, token: TextToken, lang: string): TokenMatcher {
  const raw = query.slice(token.start, token.end)
  if (token.kind === 'number') {
    const key = tokenKey(raw, 'number', lang)
    return (text, candidate) =>
      candidate.kind === 'number' &&
      tokenKey(text.slice(candidate.start, candidate.end), 'number', lang) === key
  }
  const stems = new Set(stemKeys(foldText(raw, lang), lang))
  return (text, candidate) =>
    candidate.kind === 'word' &&
    stemKeys(foldText(text.slice(candidate.start, candidate.end), lang), lang).some((stem) =>
      stems.has(stem),
    )
}

/**
 * Where the words of `query` occur in `text` one after another (punctuation between them
 * ignored), each word matched through case, diacritics, Arabic spelling variants and clitics,
 * and Kazakh and Russian endings. Spans run from the first matched word to the last.
 */
export function concordanceSpans(text: string, query: string, lang: string): HitSpan[] {
  const matchers = tokenize(query)
    .filter(isSearchable)
    .map((token) => matcherFor(query, token, lang))
  if (matchers.length === 0) return []
  const tokens = tokenize(text).filter(isSearchable)
  const spans: HitSpan[] = []
  for (let start = 0; start + matchers.length <= tokens.length; start++) {
    if (matchers.every((matches, offset) => matches(text, tokens[start + offset]!))) {
      spans.push({ start: tokens[start]!.start, end: tokens[start + matchers.length - 1]!.end })
      start += matchers.length - 1
    }
  }
  return spans
}

/**
 * Concordance: up to `limit` units of `index` whose source or target (`options.side`) holds
 * `query` as a word or phrase, newest first, with the hit spans to highlight. Candidates come
 * from the index; `readUnit` reads their texts from the store for the phrase check, and units
 * it no longer has are skipped.
 */
export function findConcordance(
  index: TmIndex,
  query: string,
  options: ConcordanceOptions & { limit: number },
  readUnit: (id: number) => ConcordanceTexts | undefined,
): ConcordanceHit[] {
  const hits: ConcordanceHit[] = []
  for (const id of index.concordanceCandidates(query, options)) {
    const unit = readUnit(id)
    if (!unit) continue
    const text = options.side === 'source' ? unit.source : unit.target
    const lang = options.lang ?? (options.side === 'source' ? index.sourceLang : unit.targetLang)
    const spans = concordanceSpans(text, query, lang)
    if (spans.length > 0) hits.push({ id, spans })
    if (hits.length >= options.limit) break
  }
  return hits
}
