import { ar } from './ar.ts'
import { de } from './de.ts'
import { en } from './en.ts'
import { fr } from './fr.ts'
import { kk } from './kk.ts'
import { ru } from './ru.ts'
import type { LanguageRules } from './types.ts'

export type { LanguageRules } from './types.ts'

const RULES: Record<string, LanguageRules> = { ar, de, en, fr, kk, ru }

/** Rules for the primary language of a BCP 47 tag (`kk-Cyrl` → kk), or null when it has none. */
export function rulesFor(lang: string): LanguageRules | null {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? ''
  return RULES[primary] ?? null
}
