import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useSubmit } from '../http/useSubmit.ts'
import { LanguageField } from '../import/LanguageField.tsx'
import { addAbbreviation } from './segmentationApi.ts'

/** Adds an abbreviation after which no sentence ends (`г.` in Russian dates). */
export function AddExceptionForm({
  projectId,
  onAdded,
}: {
  projectId: string
  onAdded: () => void
}) {
  const { t } = useTranslation()
  const [lang, setLang] = useState('ru')
  const [abbreviation, setAbbreviation] = useState('')
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    await addAbbreviation(projectId, lang, abbreviation)
    setAbbreviation('')
    onAdded()
  })
  return (
    <form onSubmit={onSubmit} data-testid="add-exception-form">
      <LanguageField
        label={t('segmentation.language')}
        name="exceptionLang"
        value={lang}
        onChange={setLang}
      />
      <div className="field">
        <label className="field__label" htmlFor="exception-abbreviation">
          {t('segmentation.abbreviation')}
        </label>
        <input
          id="exception-abbreviation"
          name="abbreviation"
          className="field__input"
          value={abbreviation}
          onChange={(event) => setAbbreviation(event.target.value)}
          placeholder={t('segmentation.abbreviationHint')}
          spellCheck={false}
          dir="auto"
          required
        />
      </div>
      {error !== null && <ErrorMessage error={error} testId="add-exception-error" />}
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('segmentation.addException')}
      </button>
    </form>
  )
}
