import type { TFunction } from 'i18next'
import { RULE_LANGUAGES } from '@qalam/shared/segmentation'
import { languageName } from '@qalam/shared/text'

/** The languages the import form offers first, named by the interface's own translations. */
export const OFFERED_LANGUAGES = ['ru', 'en', 'kk', 'kk-Latn', 'ar'] as const

/** Further languages the segmenter has rules for; the platform names them (`Intl.DisplayNames`). */
export const SEGMENTED_LANGUAGES: readonly string[] = RULE_LANGUAGES.filter(
  (tag) => !(OFFERED_LANGUAGES as readonly string[]).includes(tag),
)
type OfferedLanguage = (typeof OFFERED_LANGUAGES)[number]

function isOffered(tag: string): tag is OfferedLanguage {
  return (OFFERED_LANGUAGES as readonly string[]).includes(tag)
}

/** A document language's name in the interface language (`kk` reads "Kazakh (Cyrillic)"). */
export function languageLabel(t: TFunction, tag: string, interfaceLanguage: string): string {
  const offered = tag === 'kk-Cyrl' ? 'kk' : tag
  return isOffered(offered) ? t(`languages.${offered}`) : languageName(tag, interfaceLanguage)
}
