import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { EncodingPreview } from '../encoding/EncodingPreview.tsx'
import { useEncodingName } from '../encoding/EncodingSelect.tsx'
import { useFilePreview } from '../encoding/useFilePreview.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { ApiError } from '../http/requestJson.ts'
import { useSubmit } from '../http/useSubmit.ts'
import { importDocument, type ImportProgress } from './importDocument.ts'
import { ImportProgressIndicator } from './ImportProgressIndicator.tsx'
import { LanguagePairFields } from './LanguagePairFields.tsx'
import { TextFileField } from './TextFileField.tsx'
import { TrackedChangesChoice } from './TrackedChangesChoice.tsx'
import { SameLanguageWarning } from './SameLanguageWarning.tsx'
import { TitleField } from './TitleField.tsx'
import { IMPORT_ACCEPT } from './importFormats.ts'
import { ImportFormatField, useImportFormat } from './ImportFormatField.tsx'
import { useSameLanguageQuestion } from './useSameLanguageQuestion.ts'
import { LanguageMismatchWarning } from './LanguageMismatchWarning.tsx'
import { useLanguageQuestion } from './useLanguageQuestion.ts'

/**
 * Upload form: file, title, languages; opens the new document when the import succeeds. A chosen
 * file is previewed first (its format, encoding and first lines); the import reads a text file
 * in the encoding the preview shows, so submitting is the user's confirmation of it. An XLIFF
 * file is read in the encoding it declares, so none is sent with it.
 */
export function ImportForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const encodingName = useEncodingName()
  const [file, setFile] = useState<File | null>(null)
  const preview = useFilePreview(projectId, file)
  const [title, setTitle] = useState('')
  const [sourceLang, setSourceLang] = useState('ru')
  const [targetLang, setTargetLang] = useState('kk')
  const sameLanguage = useSameLanguageQuestion(sourceLang, targetLang)
  const languageQuestion = useLanguageQuestion()
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const format = useImportFormat(
    preview.state.kind === 'ready' ? preview.state.preview.format : null,
  )
  const [acceptTracked, setAcceptTracked] = useState(false)
  const hasTrackedChanges =
    preview.state.kind === 'ready' &&
    preview.state.preview.format === 'docx' &&
    preview.state.preview.trackedChanges
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    if (file === null) throw new ApiError('import.missing_file', 'no file chosen', 400)
    const languages = languageQuestion.choice({ sourceLang, targetLang })
    if (!languages.languageConfirmed && sameLanguage.asksFirst()) return
    let created
    try {
      created = await importDocument(
        {
          projectId,
          file,
          title,
          ...languages,
          sameLanguage: sameLanguage.isConfirmed,
          encoding: preview.encoding,
          format: format.chosen ?? undefined,
          ...(hasTrackedChanges ? { trackedChanges: acceptTracked ? 'accept' : 'refuse' } : {}),
        },
        setProgress,
      )
    } catch (error) {
      // Refused for its language: the form asks which one it is instead of showing an error.
      if (languageQuestion.asks(error)) return
      throw error
    } finally {
      setProgress(null)
    }
    await navigate(`/documents/${encodeURIComponent(created.id)}`)
  })

  return (
    <form className="import-form" onSubmit={onSubmit} data-testid="import-form">
      <h2 className="import-form__title">{t('import.title')}</h2>
      <p className="import-form__hint">{t('formats.importHint')}</p>
      <p className="import-form__hint">{t('import.hint')}</p>
      <TextFileField
        id="import-file"
        name="file"
        label={t('import.file')}
        onFile={languageQuestion.onChange(setFile)}
        accept={IMPORT_ACCEPT}
      />
      <EncodingPreview id="import-file" control={preview} lang={sourceLang} />
      <ImportFormatField control={format} />
      {hasTrackedChanges && (
        <TrackedChangesChoice accepted={acceptTracked} onChange={setAcceptTracked} />
      )}
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
          onSourceLang={languageQuestion.onChange(sameLanguage.onChange(setSourceLang))}
          onTargetLang={languageQuestion.onChange(sameLanguage.onChange(setTargetLang))}
        />
      </div>
      <SameLanguageWarning
        question={sameLanguage}
        message={t('import.sameLanguage', { lang: sourceLang.trim() })}
      />
      <LanguageMismatchWarning
        question={languageQuestion}
        languages={{ sourceLang, targetLang }}
        onLanguages={(pair) => {
          setSourceLang(pair.sourceLang)
          setTargetLang(pair.targetLang)
        }}
        disabled={isSubmitting}
      />
      {progress !== null && <ImportProgressIndicator progress={progress} />}
      {error !== null && <ErrorMessage error={error} testId="import-error" />}
      <button
        type="submit"
        className="button button--primary"
        disabled={isSubmitting || preview.state.kind === 'loading'}
        data-testid="import-submit"
      >
        {isSubmitting
          ? t('import.submitting')
          : sameLanguage.isAsking
            ? t('import.sameLanguageConfirm')
            : preview.encoding !== undefined && preview.encoding !== 'utf-8'
              ? t('encoding.importAs', { encoding: encodingName(preview.encoding) })
              : t('import.submit')}
      </button>
    </form>
  )
}
