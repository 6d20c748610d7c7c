import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  TERM_STATUSES,
  type GlossaryEntry,
  type TermHit,
  type TermStatus,
} from '@qalam/shared/glossary'
import { translateError } from '../i18n/translateError.ts'
import { deleteEntry, updateEntry, type DocumentTerms } from './glossaryApi.ts'

interface EditEntryProps {
  projectId: string
  terms: DocumentTerms
  hit: TermHit<string>
  sourceLang: string
  targetLang: string
  /** After the server accepted a change: announce the glossary's new revision. */
  onChanged: (revision: number) => void
  onClose: () => void
}

/**
 * Corrects or removes the glossary entry of a term found in the active source (reviewers and
 * managers): the source term, the first target term and its status; the entry's other terms
 * and fields are kept. Deleting asks once more in place.
 */
export function EditEntryForm({
  projectId,
  terms,
  hit,
  sourceLang,
  targetLang,
  onChanged,
  onClose,
}: EditEntryProps) {
  const { t, i18n } = useTranslation()
  const found = terms.entries.find(({ entry }) => entry.id === hit.entryId)
  const firstTarget = found?.entry.terms.find((term) => term.lang === targetLang)
  const [source, setSource] = useState(hit.term.text)
  const [target, setTarget] = useState(firstTarget?.text ?? '')
  const [status, setStatus] = useState<TermStatus>(firstTarget?.status ?? 'preferred')
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!found) return null
  const { glossaryId, entry } = found

  const run = async (change: () => Promise<{ revision: number }>) => {
    setBusy(true)
    setError(null)
    try {
      const { revision } = await change()
      onChanged(revision)
      onClose()
    } catch (caught) {
      setError(translateError(i18n, caught))
    } finally {
      setBusy(false)
    }
  }
  const save = () => {
    let sourceDone = false
    let targetDone = false
    const edited = entry.terms.flatMap((term) => {
      if (!sourceDone && term.lang === sourceLang && term.text === hit.term.text) {
        sourceDone = true
        return [{ ...term, text: source.trim() }]
      }
      if (!targetDone && term.lang === targetLang) {
        targetDone = true
        return target.trim() === '' ? [] : [{ ...term, text: target.trim(), status }]
      }
      return [term]
    })
    if (!targetDone && target.trim() !== '')
      edited.push({ lang: targetLang, text: target.trim(), status })
    const value: GlossaryEntry = { terms: edited }
    for (const field of ['definition', 'note', 'source', 'subject'] as const) {
      const text = entry[field]
      if (text !== undefined) value[field] = text
    }
    void run(() => updateEntry(projectId, glossaryId, entry.id, value))
  }

  return (
    <form
      className="terms-panel__form"
      data-testid="edit-term-form"
      onSubmit={(event) => {
        event.preventDefault()
        save()
      }}
    >
      <label>
        {t('glossary.sourceTerm')}
        <input
          lang={sourceLang}
          value={source}
          required
          maxLength={1000}
          onChange={(event) => setSource(event.target.value)}
          data-testid="edit-term-source"
        />
      </label>
      <label>
        {t('glossary.targetTerm')}
        <input
          lang={targetLang}
          value={target}
          maxLength={1000}
          onChange={(event) => setTarget(event.target.value)}
          data-testid="edit-term-target"
        />
      </label>
      <label>
        {t('glossary.termStatus')}
        <select
          value={status}
          onChange={(event) => setStatus(event.target.value as TermStatus)}
          data-testid="edit-term-status"
        >
          {TERM_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`glossary.status.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="terms-panel__actions">
        <button
          className="button button--primary"
          type="submit"
          disabled={busy || source.trim() === ''}
          data-testid="save-edited-term"
        >
          {t('glossary.saveChanges')}
        </button>
        {confirmingDelete ? (
          <button
            className="button button--danger"
            type="button"
            disabled={busy}
            onClick={() => void run(() => deleteEntry(projectId, glossaryId, entry.id))}
            data-testid="confirm-delete-term"
          >
            {t('glossary.confirmDelete')}
          </button>
        ) : (
          <button
            className="button"
            type="button"
            disabled={busy}
            onClick={() => setConfirmingDelete(true)}
            data-testid="delete-term"
          >
            {t('glossary.deleteEntry')}
          </button>
        )}
        <button className="button" type="button" onClick={onClose}>
          {t('glossary.cancel')}
        </button>
      </div>
    </form>
  )
}
