/**
 * What a token is, for matching. Words carry the meaning; the others are placeables, which a
 * translator copies or the tool fills in, so they cost little when they differ.
 */
export type TokenKind = 'word' | 'number' | 'tag' | 'url' | 'email' | 'punct'

/** One token of a text: its kind and its UTF-16 offsets `[start, end)` in that text. */
export interface TextToken {
  kind: TokenKind
  start: number
  end: number
}

// Alternatives in priority order, one capturing group per kind in the order of `KINDS`. Tags: XML-like inline tags, numbered
// placeholders {1} {/1}, printf and ICU-style variables. Numbers: digits in any script with
// inner . , : / - (dates, decimals, 1.5, 12:30) or thin/no-break/plain spaces between groups of
// three (1 250 000). Words: letters and marks, with digits and joiners (hyphen, apostrophe,
// ZWNJ) inside.
const TOKEN = new RegExp(
  [
    String.raw`(<\/?[A-Za-z][^<>]{0,200}>|\{\/?\d{1,4}\}|%(?:\d{1,2}\$)?[sdif@]|\{[A-Za-z_][\w.]{0,50}\})`,
    String.raw`((?:https?:\/\/|www\.)[^\s<>"«»]{1,2000}[^\s<>"«».,;:!?)\]])`,
    String.raw`([\p{L}\p{Nd}._%+-]{1,64}@[\p{L}\p{Nd}-]{1,63}(?:\.[\p{L}\p{Nd}-]{1,63})+)`,
    String.raw`(\p{Nd}{1,3}(?:[ \u00a0\u202f\u2009]\p{Nd}{3})+(?!\p{Nd})|\p{Nd}+(?:[.,:\/\-]\p{Nd}+)*)`,
    String.raw`([\p{L}\p{M}][\p{L}\p{M}\p{Nd}]*(?:['’ʼ\-\u2010\u2011\u200C\u200D][\p{L}\p{M}\p{Nd}]+)*)`,
    String.raw`([^\s])`,
  ].join('|'),
  'gu',
)

const KINDS = ['tag', 'url', 'email', 'number', 'word', 'punct'] as const

/**
 * Splits `text` into words and placeables (numbers, inline tags and placeholders, URLs, e-mail
 * addresses, punctuation), in order, with their offsets; spaces are not tokens. Never changes
 * or normalises the text: keys are derived from the slices by the caller.
 */
export function tokenize(text: string): TextToken[] {
  const tokens: TextToken[] = []
  TOKEN.lastIndex = 0
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    let group = 1
    while (group < KINDS.length && match[group] === undefined) group++
    tokens.push({ kind: KINDS[group - 1]!, start: match.index, end: match.index + match[0].length })
  }
  return tokens
}
