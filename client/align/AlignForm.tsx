import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../http/requestJson.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { LanguageField } from '../import/LanguageField.tsx'
import { proposeAlignment, type AlignmentProposal } from './alignmentRequests.ts'

/** The two files and their languages; hands the server's proposal to the review screen. */
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
  const [error, setError] = useState<unknown>(null)
  const [isSubmitting, setSubmitting] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (source === null || target === null) {
      setError(new ApiError('import.missing_file', 'no file chosen', 400))
      return
    }
    setSubmitting(true)
    setError(null)
    try {
      onProposal(
        await proposeAlignment({ projectId, source, target, title, sourceLang, targetLang }),
      )
    } catch (failure) {
      setError(failure)
      setSubmitting(false)
    }
  }

  return (
    <form
      className="import-form align-form"
      onSubmit={(event) => void submit(event)}
      data-testid="align-form"
    >
      <h1 className="import-form__title">{t('align.formTitle')}</h1>
      <p className="import-form__hint">{t('align.formHint')}</p>
      <div className="align-form__files">
        <div className="field">
          <label className="field__label" htmlFor="align-source">
            {t('align.sourceFile')}
          </label>
          <input
            id="align-source"
            name="source"
            type="file"
            className="field__input"
            accept=".txt,text/plain"
            onChange={(event) => setSource(event.target.files?.[0] ?? null)}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="align-target">
            {t('align.targetFile')}
          </label>
          <input
            id="align-target"
            name="target"
            type="file"
            className="field__input"
            accept=".txt,text/plain"
            onChange={(event) => setTarget(event.target.files?.[0] ?? null)}
          />
        </div>
        <LanguageField
          label={t('import.sourceLang')}
          name="sourceLang"
          value={sourceLang}
          onChange={setSourceLang}
        />
        <LanguageField
          label={t('import.targetLang')}
          name="targetLang"
          value={targetLang}
          onChange={setTargetLang}
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="align-title">
          {t('import.titleLabel')}
        </label>
        <input
          id="align-title"
          name="title"
          className="field__input"
          value={title}
          placeholder={t('align.titlePlaceholder')}
          onChange={(event) => setTitle(event.target.value)}
          dir="auto"
        />
      </div>
      {error !== null && <ErrorMessage error={error} testId="align-error" />}
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? t('align.submitting') : t('align.submit')}
      </button>
    </form>
  )
}
