import { consonantSkeleton, dominantScript, normalizeDigits, toLatin } from '../text/index.ts'

// Anchors are the parts of a sentence that survive translation unchanged or nearly so. Each
// becomes a string key; two sentences share evidence when they share keys.

const URL_OR_EMAIL =
  /\b(?:https?:\/\/|www\.)[^\s<>"«»]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu
const NUMBER = /\d+(?:[.,:/ \u00a0\u202f]\d+)*/g
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu
const QUOTES = /[«»„“”"‹›‚‘]/g
const MARKS: Record<string, string> = { '?': 'q', '؟': 'q', '!': 'e', '(': 'p', '[': 'p', '…': 'd' }

/** How cognate keys are made for a pair of languages. */
export interface CognateMode {
  /** Scripts differ (ru → ar): compare consonant skeletons of capitalized or caseless words. */
  crossScript: boolean
}

export function cognateMode(source: readonly string[], target: readonly string[]): CognateMode {
  const sample = (lines: readonly string[]) => lines.slice(0, 200).join(' ')
  return { crossScript: dominantScript(sample(source)) !== dominantScript(sample(target)) }
}

function foldWord(word: string): string {
  if (/^[a-z]+$/i.test(word)) return word.toLowerCase()
  return toLatin(word).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The anchor keys of one sentence, with repeats (a multiset). */
export function anchorKeys(sentence: string, mode: CognateMode): string[] {
  const keys: string[] = []
  let rest = normalizeDigits(sentence)
  rest = rest.replace(URL_OR_EMAIL, (found) => {
    keys.push('u' + found.replace(/[.,;:!?]+$/, '').toLowerCase())
    return ' '
  })
  for (const [number] of rest.matchAll(NUMBER)) {
    const runs = number.split(/[^\d]+/)
    if (runs.length > 1) keys.push('n' + runs.join(''))
    for (const run of runs) keys.push('n' + run.replace(/^0+(?=\d)/, ''))
  }
  for (const char of rest) {
    const mark = MARKS[char]
    if (mark) keys.push('m' + mark)
  }
  const quotes = rest.match(QUOTES)
  if (quotes) for (let i = 0; i < quotes.length; i += 2) keys.push('mquote')
  for (const [word] of rest.matchAll(WORD)) {
    if (mode.crossScript) {
      const isCaseless = word.toLowerCase() === word.toUpperCase()
      const isCapitalized = word[0] !== word[0]!.toLowerCase()
      if (!isCaseless && !isCapitalized) continue
      const skeleton = consonantSkeleton(word)
      if (skeleton.length >= 3) keys.push('c' + skeleton.slice(0, 4))
    } else {
      const folded = foldWord(word)
      if (folded.length >= 4) keys.push('w' + folded.slice(0, 5))
    }
  }
  return keys
}

/** Lower-cased, script-folded word forms of a sentence, for learning a lexicon from a first pass. */
export function wordForms(sentence: string): string[] {
  const forms: string[] = []
  for (const [word] of sentence.matchAll(WORD)) forms.push(word.toLowerCase())
  return forms
}
