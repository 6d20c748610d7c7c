import i18next from 'i18next'
import LanguageDetector from 'i18next-browser-languagedetector'
import { initReactI18next } from 'react-i18next'
import { languageDirection } from '@qalam/shared/text'
import { INTERFACE_LANGUAGES, resources } from './resources.ts'

const STORAGE_KEY = 'qalam.language'

/** Starts i18next: the remembered choice first, then the browser's languages, then English. */
export async function setupI18n(): Promise<typeof i18next> {
  await i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      fallbackLng: 'en',
      supportedLngs: [...INTERFACE_LANGUAGES],
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: STORAGE_KEY,
        caches: ['localStorage'],
      },
      returnNull: false,
    })
  applyDocumentLanguage(i18next.resolvedLanguage ?? 'en')
  i18next.on('languageChanged', () => applyDocumentLanguage(i18next.resolvedLanguage ?? 'en'))
  return i18next
}

/** The whole page mirrors for a right-to-left interface language; CSS uses logical properties. */
function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language
  document.documentElement.dir = languageDirection(language)
  document.title = i18next.t('app.name')
}
