import { rulesFor, type LanguageRules } from './rules/index.ts'
import { compileSrxRule, srxRulesFor, type CompiledSrxRule } from './srx/compileSrx.ts'
import type { SrxDocument, SrxRule } from './srx/types.ts'

/** A rule a project adds for one language (`г.` in Russian dates), applied before all others. */
export interface SegmentationException {
  id: string
  /** BCP 47; the exception applies to every tag with the same primary language. */
  lang: string
  rule: SrxRule
}

/** A project's own segmentation: an imported SRX file (or the built-in rules) and exceptions. */
export interface CustomRules {
  srx: SrxDocument | null
  exceptions: readonly SegmentationException[]
}

/** What segments one language: exceptions first, then the SRX rules, the built-in ones or neither. */
export interface LanguageSegmentation {
  exceptions: CompiledSrxRule[]
  srx: CompiledSrxRule[] | null
  builtin: LanguageRules | null
}

const primary = (lang: string) => lang.toLowerCase().split(/[-_]/u)[0] ?? ''
const byCustom = new WeakMap<CustomRules, Map<string, LanguageSegmentation>>()

/**
 * How `lang` is segmented under `custom`: the SRX file's rules when one of its maps matches the
 * language, else the built-in rules; the project's exceptions for the language come first.
 */
export function languageSegmentation(lang: string, custom?: CustomRules): LanguageSegmentation {
  if (!custom) return { exceptions: [], srx: null, builtin: rulesFor(lang) }
  let cache = byCustom.get(custom)
  if (!cache) {
    cache = new Map()
    byCustom.set(custom, cache)
  }
  let entry = cache.get(lang)
  if (!entry) {
    const exceptions = custom.exceptions
      .filter((exception) => primary(exception.lang) === primary(lang))
      .map((exception, k) => compileSrxRule(exception.rule, `exception #${k + 1}`))
    const srx = custom.srx ? srxRulesFor(custom.srx, lang) : null
    entry = { exceptions, srx, builtin: srx ? null : rulesFor(lang) }
    cache.set(lang, entry)
  }
  return entry
}
