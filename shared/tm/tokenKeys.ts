import { foldText, stemWord } from '../text/index.ts'
import type { TokenKind } from './tokenize.ts'

// Placeables of one kind share a stem, so replacing one number by another costs what a changed
// number should, and never the price of a changed word.
const PLACEABLE_STEMS: Record<Exclude<TokenKind, 'word'>, string> = {
  number: '\u0000number',
  url: '\u0000url',
  email: '\u0000email',
  tag: '\u0000tag',
  punct: '\u0000punct',
}

/**
 * What two tokens must share to count as the same token: words folded for `lang` (case,
 * diacritics, harakat, Arabic spelling variants), numbers in Western digits without group
 * spaces, URLs and e-mails in lower case, tags as written, punctuation folded (، is ,).
 */
export function tokenKey(raw: string, kind: TokenKind, lang: string): string {
  switch (kind) {
    case 'word':
    case 'punct':
      return foldText(raw, lang)
    case 'number':
      return foldText(raw).replace(/ /g, '')
    case 'url':
    case 'email':
      return raw.toLowerCase()
    case 'tag':
      return raw
  }
}

/** What two tokens must share to count as forms of one word: a word's stem, a placeable's kind. */
export function tokenStem(key: string, kind: TokenKind, lang: string): string {
  return kind === 'word' ? stemWord(key, lang) : PLACEABLE_STEMS[kind]
}
