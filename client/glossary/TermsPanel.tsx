import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TermHit } from '@qalam/shared/glossary'
import { translateError } from '../i18n/translateError.ts'
import { addEntry, type DocumentTerms } from './glossaryApi.ts'
import { insertIntoActiveEditor } from './InsertTextPlugin.tsx'
import { EditEntryForm } from './EditEntryForm.tsx'
import { TermCheck } from './TermCheck.tsx'

interface TermsPanelProps {
  projectId: string
  documentId: string
  onGoToSegment: (index: number) => void
  /** False while no segment is active: there is no source to find terms in. */
  hasSegment: boolean
  terms: DocumentTerms | null
  hits: readonly TermHit<string>[]
  sourceLang: string
  targetLang: string
  onAdded: (revision: number) => void
}

function selectedTextIn(selector: string): string {
  const selection = window.getSelection()
  if (selection === null || selection.rangeCount === 0 || selection.isCollapsed) return ''
  const node = selection.anchorNode
  const element = node instanceof Element ? node : node?.parentElement
  if (!element?.closest(selector)) return ''
  return selection.toString().trim()
}

const ACTIVE_SOURCE = '.segment-row--active [data-testid="source"]'
const ACTIVE_TARGET = '.segment-row--active .segment-editor__input'

/** The target terms of the terms found in the active source, for Alt+N insertion. */
function insertable(hits: readonly TermHit<string>[]): string[] {
  return hits.map((hit) => hit.targets.find((term) => term.status !== 'forbidden')?.text ?? '')
}

/**
 * Beside the grid: the glossary terms found in the active segment's source with their target
 * terms (Alt+1…Alt+9 or a click inserts one), and for reviewers and managers a form that adds a
 * term from a selection: select in the source, "Add term", select in the target or type, save.
 */
export function TermsPanel({
  projectId,
  documentId,
  onGoToSegment,
  hasSegment,
  terms,
  hits,
  sourceLang,
  targetLang,
  onAdded,
}: TermsPanelProps) {
  const { t, i18n } = useTranslation()
  // The entry being corrected, by the term hit's key; another active segment closes it.
  const [editing, setEditing] = useState<string | null>(null)
  const editingHit = hits.find((hit) => `${hit.entryId}-${hit.start}` === editing)
  const targets = insertable(hits)
  const latest = useRef(targets)
  useEffect(() => {
    latest.current = targets
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      // The physical key: Alt+digit types other characters on some layouts (macOS).
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1]
      if (digit === undefined) return
      const text = latest.current[Number(digit) - 1]
      if (!text) return
      event.preventDefault()
      event.stopPropagation()
      insertIntoActiveEditor(text)
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [])

  return (
    <aside className="terms-panel" aria-labelledby="terms-title" data-testid="terms-panel">
      <h2 id="terms-title">{t('glossary.termsTitle')}</h2>
      {hits.length === 0 ? (
        <p className="empty-state">
          {t(
            terms === null
              ? 'glossary.loading'
              : hasSegment
                ? 'glossary.noTerms'
                : 'glossary.noSegment',
          )}
        </p>
      ) : (
        <ol className="terms-panel__list">
          {hits.map((hit, index) => (
            <li key={`${hit.entryId}-${hit.start}`} data-testid="term-item">
              <span className="terms-panel__key" aria-hidden>
                {index < 9 ? `Alt+${index + 1}` : ''}
              </span>
              <span lang={sourceLang} className="terms-panel__source">
                {hit.term.text}
              </span>
              {hit.targets.length === 0 ? (
                <span className="terms-panel__none">{t('glossary.noTarget')}</span>
              ) : (
                hit.targets.map((term) =>
                  term.status === 'forbidden' ? (
                    <del key={term.text} lang={targetLang} title={t('glossary.status.forbidden')}>
                      {term.text}
                    </del>
                  ) : (
                    <button
                      key={term.text}
                      type="button"
                      lang={targetLang}
                      className="terms-panel__target"
                      title={t('glossary.insert')}
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => insertIntoActiveEditor(term.text)}
                    >
                      {term.text}
                    </button>
                  ),
                )
              )}
              {terms?.mayAddTerms === true && (
                <button
                  type="button"
                  className="link-button terms-panel__edit"
                  aria-label={t('glossary.editEntry', { term: hit.term.text })}
                  title={t('glossary.editEntry', { term: hit.term.text })}
                  onClick={() => setEditing(`${hit.entryId}-${hit.start}`)}
                  data-testid="edit-term"
                >
                  ✎
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {terms !== null && terms.mayAddTerms && editingHit !== undefined && (
        <EditEntryForm
          key={editing}
          projectId={projectId}
          terms={terms}
          hit={editingHit}
          sourceLang={sourceLang}
          targetLang={targetLang}
          onChanged={onAdded}
          onClose={() => setEditing(null)}
        />
      )}
      {terms?.mayAddTerms === true && (
        <AddTermForm
          projectId={projectId}
          glossaries={terms.glossaries}
          sourceLang={sourceLang}
          targetLang={targetLang}
          onAdded={onAdded}
          errorText={(error) => translateError(i18n, error)}
        />
      )}
      <TermCheck documentId={documentId} onGoToSegment={onGoToSegment} />
    </aside>
  )
}

function AddTermForm({
  projectId,
  glossaries,
  sourceLang,
  targetLang,
  onAdded,
  errorText,
}: {
  projectId: string
  glossaries: DocumentTerms['glossaries']
  sourceLang: string
  targetLang: string
  onAdded: (revision: number) => void
  errorText: (error: unknown) => string
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [source, setSource] = useState('')
  const [target, setTarget] = useState('')
  const [glossaryId, setGlossaryId] = useState(glossaries[0]?.id ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const typed = useRef(false)
  useEffect(() => {
    if (!open) return
    // While the form is open, a selection in the target editor becomes the target term.
    const onSelection = () => {
      const selected = selectedTextIn(ACTIVE_TARGET)
      if (selected !== '' && !typed.current) setTarget(selected)
    }
    document.addEventListener('selectionchange', onSelection)
    return () => document.removeEventListener('selectionchange', onSelection)
  }, [open])
  if (glossaries.length === 0)
    return <p className="terms-panel__hint">{t('glossary.noGlossary')}</p>
  const start = () => {
    setSource(selectedTextIn(ACTIVE_SOURCE))
    setTarget(selectedTextIn(ACTIVE_TARGET))
    typed.current = false
    setError(null)
    setOpen(true)
  }
  const save = async () => {
    setBusy(true)
    setError(null)
    try {
      const added = await addEntry(projectId, glossaryId || glossaries[0]!.id, {
        terms: [
          { lang: sourceLang, text: source.trim(), status: 'preferred' },
          { lang: targetLang, text: target.trim(), status: 'preferred' },
        ],
      })
      setOpen(false)
      onAdded(added.revision)
    } catch (caught) {
      setError(errorText(caught))
    } finally {
      setBusy(false)
    }
  }
  if (!open)
    return (
      <button
        type="button"
        className="terms-panel__add"
        data-testid="add-term"
        // Keep the selection in the source: a click must not clear it before it is read.
        onMouseDown={(event) => event.preventDefault()}
        onClick={start}
      >
        {t('glossary.addTerm')}
      </button>
    )
  return (
    <form
      className="terms-panel__form"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
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
          data-testid="add-term-source"
        />
      </label>
      <label>
        {t('glossary.targetTerm')}
        <input
          lang={targetLang}
          value={target}
          required
          maxLength={1000}
          placeholder={t('glossary.targetHint')}
          onChange={(event) => {
            typed.current = true
            setTarget(event.target.value)
          }}
          data-testid="add-term-target"
        />
      </label>
      {glossaries.length > 1 && (
        <label>
          {t('glossary.glossary')}
          <select value={glossaryId} onChange={(event) => setGlossaryId(event.target.value)}>
            {glossaries.map((glossary) => (
              <option key={glossary.id} value={glossary.id}>
                {glossary.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {error !== null && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="terms-panel__actions">
        <button
          className="button button--primary"
          type="submit"
          disabled={busy || source.trim() === '' || target.trim() === ''}
          data-testid="save-term"
        >
          {t('glossary.save')}
        </button>
        <button className="button" type="button" onClick={() => setOpen(false)}>
          {t('glossary.cancel')}
        </button>
      </div>
    </form>
  )
}
