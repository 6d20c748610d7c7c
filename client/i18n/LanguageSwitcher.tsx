import { useTranslation } from 'react-i18next'
import { INTERFACE_LANGUAGES } from './resources.ts'

/** Interface language; the detector remembers the choice in localStorage. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('interface.label')}</span>
      <select
        value={i18n.resolvedLanguage}
        onChange={(event) => void i18n.changeLanguage(event.target.value)}
        data-testid="language-switcher"
        aria-label={t('interface.label')}
      >
        {INTERFACE_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`interface.${language}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
