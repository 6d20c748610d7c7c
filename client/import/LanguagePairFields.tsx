import { useTranslation } from 'react-i18next'
import { LanguageField } from './LanguageField.tsx'

/** The source and target language of an import or an alignment, side by side in the form. */
export function LanguagePairFields({
  sourceLang,
  targetLang,
  onSourceLang,
  onTargetLang,
}: {
  sourceLang: string
  targetLang: string
  onSourceLang: (tag: string) => void
  onTargetLang: (tag: string) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <LanguageField
        label={t('import.sourceLang')}
        name="sourceLang"
        value={sourceLang}
        onChange={onSourceLang}
      />
      <LanguageField
        label={t('import.targetLang')}
        name="targetLang"
        value={targetLang}
        onChange={onTargetLang}
      />
    </>
  )
}
