import { foldText, stemKeys } from '../text/index.ts'
import { tokenize, type TextToken } from '../tm/index.ts'
import type { GlossaryEntry, Term } from './types.ts'

/** A term of the glossary found in a text: where, which entry, and the term's target terms. */
export interface TermHit<Id> {
  entryId: Id
  start: number
  end: number
  /** The source-language term that was found. */
  term: Term
  /** The entry's terms in the target language, preferred first, forbidden last. */
  targets: Term[]
}

interface CompiledTerm<Id> {
  entryId: Id
  term: Term
  targets: Term[]
  /** One set of stems per word of the term. */
  words: ReadonlySet<string>[]
}

// Punctuation inside a term ("Kazakh-English", "U.S.") does not need to match exactly: words
// and numbers carry the term.
function isWordLike(token: TextToken): boolean {
  return token.kind === 'word' || token.kind === 'number'
}

function wordStems(text: string, token: TextToken, lang: string): string[] {
  const raw = text.slice(token.start, token.end)
  if (token.kind === 'number') return [foldText(raw, lang)]
  return stemKeys(foldText(raw, lang), lang)
}

const STATUS_ORDER = { preferred: 0, admitted: 1, forbidden: 2 } as const

function sameLanguage(termLang: string, lang: string): boolean {
  const a = termLang.toLowerCase()
  const b = lang.toLowerCase()
  if (a === b) return true
  // kk-Latn and kk-Cyrl are different spellings: a bare "kk" matches Cyrillic, the default.
  const [aBase, aScript] = a.split('-')
  const [bBase, bScript] = b.split('-')
  if (aBase !== bBase) return false
  const script = (tag: string | undefined) => (tag && tag.length === 4 ? tag : undefined)
  const aS = script(aScript)
  const bS = script(bScript)
  if (aBase === 'kk') return (aS ?? 'cyrl') === (bS ?? 'cyrl')
  return aS === undefined || bS === undefined || aS === bS
}

/** The entry's terms in `lang`, preferred first, then admitted, then forbidden. */
export function termsIn(entry: GlossaryEntry, lang: string): Term[] {
  return entry.terms
    .filter((term) => sameLanguage(term.lang, lang))
    .sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
}

/**
 * Finds glossary terms in source segments. Built once per glossary set and language pair; each
 * `find` tokenises the text once and looks terms up by the stems of their first word, so a
 * glossary of tens of thousands of terms costs a few map lookups per word.
 */
export class TermRecognizer<Id> {
  private readonly byFirstStem = new Map<string, CompiledTerm<Id>[]>()

  constructor(
    entries: Iterable<{ id: Id; entry: GlossaryEntry }>,
    private readonly sourceLang: string,
    targetLang: string,
  ) {
    for (const { id, entry } of entries) {
      const targets = termsIn(entry, targetLang)
      for (const term of termsIn(entry, sourceLang)) {
        if (term.status === 'forbidden') continue
        const tokens = tokenize(term.text).filter(isWordLike)
        if (tokens.length === 0) continue
        const words = tokens.map((token) => new Set(wordStems(term.text, token, sourceLang)))
        const compiled: CompiledTerm<Id> = { entryId: id, term, targets, words }
        for (const stem of words[0]!) {
          const list = this.byFirstStem.get(stem)
          if (list) list.push(compiled)
          else this.byFirstStem.set(stem, [compiled])
        }
      }
    }
  }

  /**
   * The terms found in `text`, in text order; where terms overlap the longest wins (so
   * "national library" beats "library"). Words match through case, diacritics, Arabic
   * clitics and the article, and Kazakh and Russian endings.
   */
  find(text: string): TermHit<Id>[] {
    const tokens = tokenize(text).filter(isWordLike)
    const stems = tokens.map((token) => wordStems(text, token, this.sourceLang))
    const candidates: { compiled: CompiledTerm<Id>; first: number; last: number }[] = []
    for (let index = 0; index < tokens.length; index++) {
      const seen = new Set<CompiledTerm<Id>>()
      for (const stem of stems[index]!) {
        for (const compiled of this.byFirstStem.get(stem) ?? []) {
          if (seen.has(compiled)) continue
          seen.add(compiled)
          const length = compiled.words.length
          if (index + length > tokens.length) continue
          const matches = compiled.words.every((word, offset) =>
            stems[index + offset]!.some((candidate) => word.has(candidate)),
          )
          if (matches) candidates.push({ compiled, first: index, last: index + length - 1 })
        }
      }
    }
    // Longest first, then leftmost; a shorter term inside a longer one is dropped.
    candidates.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first)
    const taken: boolean[] = []
    const kept: typeof candidates = []
    for (const candidate of candidates) {
      let free = true
      for (let index = candidate.first; index <= candidate.last; index++) {
        if (taken[index]) free = false
      }
      const sameSpan = kept.find(
        (other) => other.first === candidate.first && other.last === candidate.last,
      )
      if (!free && !sameSpan) continue
      for (let index = candidate.first; index <= candidate.last; index++) taken[index] = true
      kept.push(candidate)
    }
    return kept
      .sort((a, b) => a.first - b.first)
      .map(({ compiled, first, last }) => ({
        entryId: compiled.entryId,
        start: tokens[first]!.start,
        end: tokens[last]!.end,
        term: compiled.term,
        targets: compiled.targets,
      }))
  }
}
