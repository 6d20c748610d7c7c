import { CLOSERS, TERMINALS } from '../marks.ts'
import { RULE_LANGUAGES, rulesFor, type LanguageRules } from '../rules/index.ts'
import { escapeIcu } from './icuRegex.ts'
import type { SrxDocument, SrxLanguageRule, SrxRule } from './types.ts'

// The built-in rules written as SRX, for a project to start its own file from. SRX holds what
// the engine's lists say (abbreviations, starters, ordinals, the case after a mark); the
// engine's URL, bracket, list-marker and ellipsis checks have no SRX form and are left out.

const escape = (text: string) => escapeIcu(text).replace(/ /gu, '\\s')
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])'
const alternatives = (list: readonly string[]) =>
  `${NOT_AFTER_WORD}(?:${[...list]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})\\.`
const classOf = (chars: string) => `[${chars.replace(/[\]\\^-]/gu, '\\$&')}]`

function languageRule(lang: string, rules: LanguageRules): SrxLanguageRule {
  const marks = `${classOf(rules.terminals ?? TERMINALS)}+${classOf(CLOSERS)}*`
  const list: SrxRule[] = []
  const noBreak = (beforeBreak: string, afterBreak: string) =>
    list.push({ isBreak: false, beforeBreak, afterBreak })
  if (rules.neverEndAfter.length) noBreak(alternatives(rules.neverEndAfter), '\\s')
  const beforeCapital = '\\s+(?![\\p{Lu}\\p{Lt}"«„“‘\'(\\[¿¡])'
  if (rules.mayEndAfter.length) noBreak(alternatives(rules.mayEndAfter), beforeCapital)
  const ambiguous = rules.ambiguousAfter ?? []
  if (ambiguous.length && rules.sentenceStarters?.length) {
    const starters = rules.sentenceStarters.map(escape).join('|')
    list.push({
      isBreak: true,
      beforeBreak: alternatives(ambiguous),
      afterBreak: `\\s+(?:${starters})(?![\\p{L}\\p{N}.])`,
    })
    noBreak(alternatives(ambiguous), '\\s')
  } else if (ambiguous.length) noBreak(alternatives(ambiguous), beforeCapital)
  noBreak(`${NOT_AFTER_WORD}\\p{L}\\.`, '\\s')
  if (rules.hasDottedOrdinals) noBreak(`${NOT_AFTER_WORD}\\p{Nd}{1,2}\\.`, '\\s')
  noBreak(marks, '\\s*[-–—]?\\s*[\\p{Ll},;:]')
  list.push({ isBreak: true, beforeBreak: marks, afterBreak: '\\s' })
  list.push({ isBreak: true, beforeBreak: '\\p{Ll}[.!?]', afterBreak: '\\p{Lu}' })
  return { name: lang, rules: list }
}

/** Every built-in language as one SRX document, each language mapped by its primary subtag. */
export function builtinSrx(): SrxDocument {
  const languageRules = RULE_LANGUAGES.map((lang) => languageRule(lang, rulesFor(lang)!))
  return {
    cascade: false,
    segmentSubflows: true,
    languageRules,
    languageMaps: RULE_LANGUAGES.map((lang) => ({ pattern: `${lang}(?:[-_].*)?`, ruleName: lang })),
  }
}
