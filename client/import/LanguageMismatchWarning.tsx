import { useTranslation } from 'react-i18next'
import { languageLabel } from '../documents/languageLabel.ts'
import type { LanguageQuestion } from './useLanguageQuestion.ts'

/** A script's name in the interface language (`Cyrl` reads "Cyrillic"), or its code. */
function scriptName(script: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'script' }).of(script) ?? script
  } catch {
    return script
  }
}

/**
 * The question the import form asks when the server found the file's text is not in the chosen
 * source language: what it looks like, and two answers, each of which imports again.
 */
export function LanguageMismatchWarning({
  question,
  languages,
  onLanguages,
  disabled,
}: {
  question: LanguageQuestion
  /** The form's languages now… */
  languages: { sourceLang: string; targetLang: string }
  /** …and the pair it shows once the user takes the detected language. */
  onLanguages: (pair: { sourceLang: string; targetLang: string }) => void
  disabled: boolean
}) {
  const { t, i18n } = useTranslation()
  const { mismatch } = question
  if (mismatch === null) return null
  const declared = languageLabel(t, mismatch.declared, i18n.language)
  const detected =
    mismatch.language === null ? null : languageLabel(t, mismatch.language, i18n.language)
  return (
    <div className="form-warning" role="alert" data-testid="language-mismatch">
      <p>
        {detected === null
          ? t('import.scriptMismatch', {
              declared,
              script: scriptName(mismatch.script, i18n.language),
            })
          : t('import.languageMismatch', { declared, detected })}
      </p>
      <div className="form-warning__actions">
        {detected !== null && (
          <button
            type="submit"
            className="button button--primary"
            disabled={disabled}
            data-testid="import-as-detected"
            onClick={() => onLanguages(question.takeDetected(languages))}
          >
            {t('import.importAsDetected', { lang: detected })}
          </button>
        )}
        <button
          type="submit"
          className="button"
          disabled={disabled}
          data-testid="import-as-declared"
          onClick={() => question.confirmDeclared()}
        >
          {t('import.importAsDeclared', { lang: declared })}
        </button>
      </div>
    </div>
  )
}
