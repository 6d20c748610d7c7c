import en from './locales/en.json'
import ru from './locales/ru.json'
import kk from './locales/kk.json'
import ar from './locales/ar.json'

export const INTERFACE_LANGUAGES = ['en', 'ru', 'kk', 'ar'] as const
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number]

export const resources = {
  en: { translation: en },
  ru: { translation: ru },
  kk: { translation: kk },
  ar: { translation: ar },
} as const satisfies Record<InterfaceLanguage, { translation: unknown }>
