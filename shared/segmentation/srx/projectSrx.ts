import type { CustomRules } from '../customRules.ts'
import { builtinSrx } from './builtinSrx.ts'
import { escapeIcu, toJsRegExp } from './icuRegex.ts'
import type { SrxDocument, SrxRule } from './types.ts'

/**
 * The no-break rule for an abbreviation a manager types (`г.` → after `г.` at the start of a
 * word, followed by a space, no sentence ends). A final period is added when missing.
 */
export function abbreviationRule(abbreviation: string): SrxRule {
  const written = abbreviation.trim().replace(/\.?$/u, '.')
  return {
    isBreak: false,
    beforeBreak: `(?<![\\p{L}\\p{N}])${escapeIcu(written)}`,
    afterBreak: '\\s',
  }
}

const matches = (pattern: string, lang: string) => {
  try {
    return toJsRegExp(`^(?:${pattern})$`, 'languagepattern', 'i').test(lang)
  } catch {
    return false // the pattern was checked when the file was read; this is only a guard
  }
}

/**
 * A project's rules as one SRX document: its SRX file (or the built-in rules) with each
 * exception first in the language rule its language uses, so the file segments as the project.
 */
export function projectSrx(custom: CustomRules): SrxDocument {
  const base = custom.srx ?? builtinSrx()
  const document: SrxDocument = {
    ...base,
    languageRules: base.languageRules.map((entry) => ({ ...entry, rules: [...entry.rules] })),
    languageMaps: [...base.languageMaps],
  }
  // Prepending in reverse keeps the exceptions in their own order at the top.
  for (const exception of [...custom.exceptions].reverse()) {
    const map = document.languageMaps.find((entry) => matches(entry.pattern, exception.lang))
    let target = map && document.languageRules.find((entry) => entry.name === map.ruleName)
    if (!target) {
      target = { name: `exceptions ${exception.lang}`, rules: [] }
      document.languageRules.unshift(target)
      const pattern = `${escapeIcu(exception.lang)}(?:[-_].*)?`
      document.languageMaps.unshift({ pattern, ruleName: target.name })
    }
    target.rules.unshift(exception.rule)
  }
  return document
}
