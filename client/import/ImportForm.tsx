import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { ApiError } from '../http/requestJson.ts'
import { useSubmit } from '../http/useSubmit.ts'
import { importDocument } from './importDocument.ts'
import { LanguagePairFields } from './LanguagePairFields.tsx'
import { TextFileField } from './TextFileField.tsx'
import { TitleField } from './TitleField.tsx'
import { IMPORT_ACCEPT } from './importFormats.ts'

/** Upload form: file, title, languages; opens the new document when the import succeeds. */
export function ImportForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [file, setFile] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [sourceLang, setSourceLang] = useState('ru')
  const [targetLang, setTargetLang] = useState('kk')
  // Asked once per submit when both languages are the same; the server also wants the flag.
  const [askingSameLanguage, setAskingSameLanguage] = useState(false)
  const sameLanguage = sourceLang.trim().toLowerCase() === targetLang.trim().toLowerCase()
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    if (file === null) throw new ApiError('import.missing_file', 'no file chosen', 400)
    if (sameLanguage && !askingSameLanguage) {
      setAskingSameLanguage(true)
      return
    }
    const created = await importDocument({
      projectId,
      file,
      title,
      sourceLang,
      targetLang,
      sameLanguage: sameLanguage && askingSameLanguage,
    })
    await navigate(`/documents/${encodeURIComponent(created.id)}`)
  })
  const changeLanguage = (set: (tag: string) => void) => (tag: string) => {
    setAskingSameLanguage(false)
    set(tag)
  }

  return (
    <form className="import-form" onSubmit={onSubmit} data-testid="import-form">
      <h2 className="import-form__title">{t('import.title')}</h2>
      <p className="import-form__hint">{t('import.hint')}</p>
      <p className="import-form__hint">{t('formats.importHint')}</p>
      <TextFileField
        id="import-file"
        name="file"
        label={t('import.file')}
        onFile={setFile}
        accept={IMPORT_ACCEPT}
      />
      <TitleField
        id="import-title"
        value={title}
        placeholder={t('import.titlePlaceholder')}
        onChange={setTitle}
      />
      <div className="import-form__languages">
        <LanguagePairFields
          sourceLang={sourceLang}
          targetLang={targetLang}
          onSourceLang={changeLanguage(setSourceLang)}
          onTargetLang={changeLanguage(setTargetLang)}
        />
      </div>
      {askingSameLanguage && (
        <p className="form-warning" role="alert" data-testid="same-language">
          {t('import.sameLanguage', { lang: sourceLang.trim() })}
        </p>
      )}
      {error !== null && <ErrorMessage error={error} testId="import-error" />}
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting
          ? t('import.submitting')
          : askingSameLanguage
            ? t('import.sameLanguageConfirm')
            : t('import.submit')}
      </button>
    </form>
  )
}
