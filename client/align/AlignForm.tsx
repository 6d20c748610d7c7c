import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { EncodingPreview } from '../encoding/EncodingPreview.tsx'
import { useFilePreview } from '../encoding/useFilePreview.ts'
import { ApiError } from '../http/requestJson.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useSubmit } from '../http/useSubmit.ts'
import { LanguagePairFields } from '../import/LanguagePairFields.tsx'
import { TextFileField } from '../import/TextFileField.tsx'
import { SameLanguageWarning } from '../import/SameLanguageWarning.tsx'
import { TitleField } from '../import/TitleField.tsx'
import { useSameLanguageQuestion } from '../import/useSameLanguageQuestion.ts'
import { proposeAlignment, type AlignmentProposal } from './alignmentRequests.ts'

/**
 * The two files and their languages; hands the server's proposal to the review screen. Each
 * file is previewed in its detected encoding (another may be picked) and read in the one shown.
 */
export function AlignForm({
  projectId,
  onProposal,
}: {
  projectId: string
  onProposal: (proposal: AlignmentProposal) => void
}) {
  const { t } = useTranslation()
  const [source, setSource] = useState<File | null>(null)
  const [target, setTarget] = useState<File | null>(null)
  const [title, setTitle] = useState('')
  const [sourceLang, setSourceLang] = useState('ru')
  const [targetLang, setTargetLang] = useState('kk')
  const sameLanguage = useSameLanguageQuestion(sourceLang, targetLang)
  const sourcePreview = useFilePreview(projectId, source)
  const targetPreview = useFilePreview(projectId, target)
  const isPreviewing =
    sourcePreview.state.kind === 'loading' || targetPreview.state.kind === 'loading'
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    if (source === null || target === null) {
      throw new ApiError('import.missing_file', 'no file chosen', 400)
    }
    if (sameLanguage.asksFirst()) return
    onProposal(
      await proposeAlignment({
        projectId,
        source,
        target,
        title,
        sourceLang,
        targetLang,
        sourceEncoding: sourcePreview.encoding,
        targetEncoding: targetPreview.encoding,
        sameLanguage: sameLanguage.isConfirmed,
      }),
    )
  })

  return (
    <form className="import-form align-form" onSubmit={onSubmit} data-testid="align-form">
      <h1 className="import-form__title">{t('align.formTitle')}</h1>
      <p className="import-form__hint">{t('align.formHint')}</p>
      <div className="align-form__files">
        <TextFileField
          id="align-source"
          name="source"
          label={t('align.sourceFile')}
          onFile={setSource}
        />
        <TextFileField
          id="align-target"
          name="target"
          label={t('align.targetFile')}
          onFile={setTarget}
        />
        {/* Each in its own cell, so a preview stays under its file while the other has none. */}
        <div className="align-form__preview">
          <EncodingPreview id="align-source" control={sourcePreview} lang={sourceLang} />
        </div>
        <div className="align-form__preview">
          <EncodingPreview id="align-target" control={targetPreview} lang={targetLang} />
        </div>
        <LanguagePairFields
          sourceLang={sourceLang}
          targetLang={targetLang}
          onSourceLang={sameLanguage.onChange(setSourceLang)}
          onTargetLang={sameLanguage.onChange(setTargetLang)}
        />
      </div>
      <TitleField
        id="align-title"
        value={title}
        placeholder={t('align.titlePlaceholder')}
        onChange={setTitle}
      />
      <SameLanguageWarning
        question={sameLanguage}
        message={t('align.sameLanguage', { lang: sourceLang.trim() })}
      />
      {error !== null && <ErrorMessage error={error} testId="align-error" />}
      <button
        type="submit"
        className="button button--primary"
        disabled={isSubmitting || isPreviewing}
      >
        {isSubmitting
          ? t('align.submitting')
          : sameLanguage.isAsking
            ? t('align.sameLanguageConfirm')
            : t('align.submit')}
      </button>
    </form>
  )
}
