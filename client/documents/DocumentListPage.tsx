import { useTranslation } from 'react-i18next'
import { ImportForm } from '../import/ImportForm.tsx'
import { translateError } from '../i18n/translateError.ts'
import { DocumentTable } from './DocumentTable.tsx'
import { useDocuments } from './useDocuments.ts'

/** `/`: every document with its progress, and the import form. */
export function DocumentListPage() {
  const { t, i18n } = useTranslation()
  const state = useDocuments()
  return (
    <main className="document-list-page">
      <section className="document-list-page__documents" aria-labelledby="documents-title">
        <h1 id="documents-title">{t('documents.title')}</h1>
        {state.kind === 'loading' && <p role="status">{t('documents.loading')}</p>}
        {state.kind === 'failed' && (
          <p className="form-error" role="alert">
            {translateError(i18n, state.error)}
          </p>
        )}
        {state.kind === 'loaded' &&
          (state.documents.length === 0 ? (
            <p className="empty-state">{t('documents.empty')}</p>
          ) : (
            <DocumentTable documents={state.documents} />
          ))}
      </section>
      <aside className="document-list-page__import">
        <ImportForm />
      </aside>
    </main>
  )
}
