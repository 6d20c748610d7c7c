import type { DictionaryEntry } from './types.ts'

function normalizeTerm(text: string): string {
  return ` ${text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `
}

/**
 * Keys `d<n>` for every sentence containing the source (or target) side of dictionary entry n,
 * matched as whole words, case-insensitively.
 */
export function dictionaryKeys(
  entries: readonly DictionaryEntry[],
  source: readonly string[],
  target: readonly string[],
): { source: string[][]; target: string[][] } {
  const terms = entries
    .map((entry) => ({ source: normalizeTerm(entry.source), target: normalizeTerm(entry.target) }))
    .filter((entry) => entry.source.trim() && entry.target.trim())
  const keysOf = (sentences: readonly string[], side: 'source' | 'target') =>
    sentences.map((sentence) => {
      const text = normalizeTerm(sentence)
      const keys: string[] = []
      terms.forEach((term, k) => {
        if (text.includes(term[side])) keys.push('d' + k)
      })
      return keys
    })
  return { source: keysOf(source, 'source'), target: keysOf(target, 'target') }
}
