import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { languageDirection } from '@qalam/shared/text'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useFormatter } from '../i18n/formatting.ts'
import { MAX_QUERY_LENGTH, type ConcordanceSide, type HitSpan } from './concordanceApi.ts'
import { useConcordance } from './useConcordance.ts'
import './concordance.css'

/** A request to open the dialog; `count` changes on every Ctrl+K, `selection` pre-fills. */
export interface ConcordanceRequest {
  count: number
  selection: string
}

const SIDES: readonly ConcordanceSide[] = ['both', 'source', 'target']

/** `text` with the hits marked. */
function marked(text: string, spans: readonly HitSpan[]): ReactNode[] {
  const parts: ReactNode[] = []
  let at = 0
  for (const span of spans) {
    if (span.start > at) parts.push(text.slice(at, span.start))
    parts.push(
      <mark key={span.start} className="concordance__hit" data-testid="concordance-hit">
        {text.slice(span.start, span.end)}
      </mark>,
    )
    at = span.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}

/**
 * A value set apart from the text around it (FSI … PDI): a Cyrillic memory name beside an
 * Arabic date would otherwise reorder the line.
 */
const isolated = (value: string) => `\u2068${value}\u2069`

/** Arrow keys walk the result rows; from the field, ArrowDown enters the first. */
function moveFocus(event: KeyboardEvent<HTMLElement>, list: HTMLElement | null) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  const rows = [...(list?.querySelectorAll<HTMLElement>('[data-concordance-row]') ?? [])]
  if (rows.length === 0) return
  event.preventDefault()
  const current = rows.indexOf(document.activeElement as HTMLElement)
  const next = event.key === 'ArrowDown' ? current + 1 : current - 1
  rows[Math.max(0, Math.min(rows.length - 1, next))]?.focus()
}

/**
 * The concordance search (Ctrl+K): any word or phrase of the project's memories, in sources,
 * targets or both, found through the same folding and stemming as matches (Arabic harakat and
 * clitics, Kazakh and Russian endings), newest first, with the hits marked in both columns and
 * where each unit came from. Opens with the selected text; the keyboard reaches everything
 * (the field, the side, the rows with the arrows) and Escape closes.
 */
export function ConcordanceDialog({
  documentId,
  request,
  onClose,
}: {
  documentId: string
  request: ConcordanceRequest | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const search = useConcordance(documentId)
  const { setQuery } = search
  const isOpen = request !== null
  const count = request?.count ?? 0
  const selection = request?.selection ?? ''

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    if (!isOpen) {
      if (dialog.open) dialog.close()
      return
    }
    if (selection !== '') setQuery(selection.slice(0, MAX_QUERY_LENGTH))
    if (!dialog.open) dialog.showModal()
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [isOpen, count, selection, setQuery])

  const hits = search.result?.hits ?? []
  const status = search.searching
    ? t('concordance.searching')
    : search.result === null
      ? ''
      : hits.length === 0
        ? t('concordance.none')
        : t('concordance.count', { number: format.number(hits.length) })

  return (
    <dialog
      ref={dialogRef}
      className="dialog concordance"
      aria-labelledby="concordance-title"
      data-testid="concordance-dialog"
      onClose={onClose}
      onKeyDown={(event) => {
        // The segment shortcuts stay out of dialogs; Ctrl+K here goes back to the field.
        if ((event.ctrlKey || event.metaKey) && event.code === 'KeyK') {
          event.preventDefault()
          inputRef.current?.focus()
          inputRef.current?.select()
        }
      }}
    >
      <div className="concordance__head">
        <h2 id="concordance-title">{t('concordance.title')}</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('concordance.close')}
        </button>
      </div>
      <div className="concordance__form" role="search">
        <input
          ref={inputRef}
          type="search"
          className="field__input concordance__input"
          aria-label={t('concordance.label')}
          aria-describedby="concordance-status"
          placeholder={t('concordance.placeholder')}
          maxLength={MAX_QUERY_LENGTH}
          value={search.query}
          dir="auto"
          onChange={(event) => search.setQuery(event.target.value)}
          onKeyDown={(event) => moveFocus(event, listRef.current)}
          data-testid="concordance-input"
        />
        <fieldset className="concordance__sides">
          <legend className="visually-hidden">{t('concordance.sideLabel')}</legend>
          {SIDES.map((side) => (
            <label key={side} className="concordance__side">
              <input
                type="radio"
                name="concordance-side"
                value={side}
                checked={search.side === side}
                onChange={() => search.setSide(side)}
                data-testid={`concordance-side-${side}`}
              />
              {t(`concordance.side.${side}`)}
            </label>
          ))}
        </fieldset>
      </div>
      <p id="concordance-status" className="concordance__status" role="status">
        {status}
      </p>
      {search.error !== null && <ErrorMessage error={search.error} />}
      {hits.length > 0 && (
        <ol
          ref={listRef}
          className="concordance__list"
          aria-label={t('concordance.results')}
          data-testid="concordance-results"
        >
          {hits.map((hit) => (
            <li
              key={`${hit.origin.memoryId}-${hit.unitId}`}
              className="concordance__row"
              tabIndex={-1}
              data-concordance-row
              onKeyDown={(event) => {
                if (event.key === 'ArrowUp' && event.currentTarget.previousElementSibling === null)
                  inputRef.current?.focus()
                else moveFocus(event, listRef.current)
              }}
              data-testid="concordance-row"
            >
              <p
                className="concordance__text"
                lang={hit.sourceLang}
                dir={languageDirection(hit.sourceLang)}
                data-testid="concordance-source"
              >
                {marked(hit.source, hit.sourceSpans)}
              </p>
              <p
                className="concordance__text"
                lang={hit.targetLang}
                dir={languageDirection(hit.targetLang)}
                data-testid="concordance-target"
              >
                {marked(hit.target, hit.targetSpans)}
              </p>
              <p className="concordance__origin">
                {t('concordance.origin', {
                  memory: isolated(hit.origin.memoryName),
                  author: isolated(hit.origin.changedBy),
                  date: isolated(format.date(hit.origin.changedAt, { dateStyle: 'medium' })),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </dialog>
  )
}
