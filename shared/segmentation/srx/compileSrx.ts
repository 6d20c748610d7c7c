import { toJsRegExp } from './icuRegex.ts'
import type { SrxDocument, SrxRule } from './types.ts'

/** A rule ready to match: the position regex and where the rule came from, for explanations. */
export interface CompiledSrxRule {
  rule: SrxRule
  /** Zero-width, global: matches every position where the rule applies. */
  at: RegExp
  /** `ru #3`: the language rule's name and the rule's number in it. */
  origin: string
}

/** The position where `rule.beforeBreak` ends and `rule.afterBreak` begins, as one regex. */
export function compileSrxRule(rule: SrxRule, origin: string): CompiledSrxRule {
  const before = toJsRegExp(rule.beforeBreak, `${origin} <beforebreak>`)
  const after = toJsRegExp(rule.afterBreak, `${origin} <afterbreak>`)
  // Lookbehind in JavaScript is unbounded, so any ICU before-pattern fits. Case folding is
  // per regex: (?i) on either side folds the whole position test.
  const side = (pattern: RegExp, look: string) =>
    pattern.source === '(?:)' ? '' : `(${look}${pattern.source})`
  const ignoreCase = before.flags.includes('i') || after.flags.includes('i')
  const source = `${side(before, '?<=')}${side(after, '?=')}` || '(?:)'
  return { rule, at: new RegExp(source, ignoreCase ? 'gui' : 'gu'), origin }
}

/** Whether a whole language code (`ru`, `kk-Cyrl`) matches a map's pattern. */
function codeMatches(pattern: string, lang: string): boolean {
  // BCP 47 is case-insensitive, and OmegaT writes its patterns in capitals (`EN.*`).
  return toJsRegExp(`^(?:${pattern})$`, 'languagepattern', 'i').test(lang)
}

/**
 * The rules of `document` for `lang`, in the order they apply: every matching map's rules with
 * cascading, only the first's without. Null when no map matches (the caller decides the fallback).
 */
export function srxRulesFor(document: SrxDocument, lang: string): CompiledSrxRule[] | null {
  const maps = document.languageMaps.filter((map) => codeMatches(map.pattern, lang))
  if (maps.length === 0) return null
  const chosen = document.cascade ? maps : maps.slice(0, 1)
  return chosen.flatMap((map) => {
    const languageRule = document.languageRules.find((entry) => entry.name === map.ruleName)
    return (languageRule?.rules ?? []).map((rule, k) =>
      compileSrxRule(rule, `${map.ruleName} #${k + 1}`),
    )
  })
}

/** What the first matching rule decided at a position of a line. */
export interface SrxDecision {
  at: number
  rule: CompiledSrxRule
}

/**
 * Positions strictly inside `line` where some rule applies, with the first rule (in order)
 * that does: SRX's "first match wins". Positions no rule reaches are not breaks.
 */
export function decideSrx(line: string, rules: readonly CompiledSrxRule[]): SrxDecision[] {
  const decided = new Map<number, CompiledSrxRule>()
  for (const rule of rules) {
    rule.at.lastIndex = 0
    for (const match of line.matchAll(rule.at)) {
      const at = match.index
      if (at > 0 && at < line.length && !decided.has(at)) decided.set(at, rule)
    }
  }
  return [...decided].sort((a, b) => a[0] - b[0]).map(([at, rule]) => ({ at, rule }))
}
