import type { TFunction } from 'i18next'
import { languageName } from '@qalam/shared/text'

/** The languages the import form offers by name; other tags are typed in. */
export const OFFERED_LANGUAGES = ['ru', 'en', 'kk', 'kk-Latn', 'ar'] as const
type OfferedLanguage = (typeof OFFERED_LANGUAGES)[number]

function isOffered(tag: string): tag is OfferedLanguage {
  return (OFFERED_LANGUAGES as readonly string[]).includes(tag)
}

/** A document language's name in the interface language (`kk` reads "Kazakh (Cyrillic)"). */
export function languageLabel(t: TFunction, tag: string, interfaceLanguage: string): string {
  const offered = tag === 'kk-Cyrl' ? 'kk' : tag
  return isOffered(offered) ? t(`languages.${offered}`) : languageName(tag, interfaceLanguage)
}
