import { ar } from './ar.ts'
import { bg } from './bg.ts'
import { da } from './da.ts'
import { de } from './de.ts'
import { el } from './el.ts'
import { en } from './en.ts'
import { es } from './es.ts'
import { fa } from './fa.ts'
import { fr } from './fr.ts'
import { hy } from './hy.ts'
import { it } from './it.ts'
import { kk } from './kk.ts'
import { nl } from './nl.ts'
import { pl } from './pl.ts'
import { ru } from './ru.ts'
import { sk } from './sk.ts'
import { tr } from './tr.ts'
import { uk } from './uk.ts'
import { ur } from './ur.ts'
import type { LanguageRules } from './types.ts'

export type { LanguageRules } from './types.ts'

const RULES: Record<string, LanguageRules> = {
  ar,
  bg,
  da,
  de,
  el,
  en,
  es,
  fa,
  fr,
  hy,
  it,
  kk,
  nl,
  pl,
  ru,
  sk,
  tr,
  uk,
  ur,
}

/** The languages with rule data, by primary subtag. */
export const RULE_LANGUAGES: readonly string[] = Object.keys(RULES)

/** Rules for the primary language of a BCP 47 tag (`kk-Cyrl` → kk), or null when it has none. */
export function rulesFor(lang: string): LanguageRules | null {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? ''
  return RULES[primary] ?? null
}
