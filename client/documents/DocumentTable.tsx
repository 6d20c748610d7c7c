import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { DocumentSummary } from './documentSummary.ts'
import { languageLabel } from './languageLabel.ts'
import { ProgressBar } from './ProgressBar.tsx'
import { useFormatter } from '../i18n/formatting.ts'

export function DocumentTable({ documents }: { documents: DocumentSummary[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const format = useFormatter()
  return (
    <table className="document-table" data-testid="document-table">
      <thead>
        <tr>
          <th scope="col">{t('documents.columnTitle')}</th>
          <th scope="col">{t('documents.columnLanguages')}</th>
          <th scope="col">{t('documents.columnProgress')}</th>
          <th scope="col">{t('documents.columnUpdated')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('documents.columnActions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <tr key={document.id} data-document-id={document.id}>
            <th scope="row" className="document-table__title">
              <Link to={`/documents/${encodeURIComponent(document.id)}`} dir="auto">
                {document.title}
              </Link>
              <span className="document-table__meta">
                {t('documents.segments', { count: document.progress.segments })}
              </span>
            </th>
            <td className="language-pair">
              {t('documents.languagePair', {
                source: languageLabel(t, document.sourceLang, language),
                target: languageLabel(t, document.targetLang, language),
              })}
            </td>
            <td className="document-table__progress">
              <ProgressBar progress={document.progress} />
            </td>
            <td className="document-table__date">
              {format.date(document.updatedAt, { dateStyle: 'medium', timeStyle: 'short' })}
            </td>
            <td className="document-table__actions">
              <Link
                className="button"
                to={`/documents/${encodeURIComponent(document.id)}`}
                aria-label={t('documents.openTitle', { title: document.title })}
              >
                {t('documents.open')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
