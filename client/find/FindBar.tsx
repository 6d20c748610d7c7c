import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'
import type { FindState } from './useFind.ts'
import './find.css'

/**
 * The workbench's own find (Ctrl+F): the grid is virtualized, so the browser's find sees only
 * the rows in view. Enter and Shift+Enter step through the hits, Escape closes.
 * `focusRequest` changes when Ctrl+F is pressed again while the bar is open.
 */
export function FindBar({
  find,
  focusRequest,
  onClose,
}: {
  find: FindState
  focusRequest: number
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [focusRequest])
  const total = find.hits.length
  const count =
    find.query.trim() === ''
      ? ''
      : total === 0
        ? t('find.none')
        : t('find.count', {
            current: format.number(find.position + 1),
            total: format.number(total),
          })
  return (
    <div className="find-bar" role="search" data-testid="find-bar">
      <input
        ref={input}
        type="search"
        className="find-bar__input"
        aria-label={t('find.label')}
        placeholder={t('find.placeholder')}
        value={find.query}
        dir="auto"
        onChange={(event) => find.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            if (event.shiftKey) find.previous()
            else find.next()
          } else if (event.key === 'Escape') {
            event.preventDefault()
            onClose()
          }
        }}
        data-testid="find-input"
      />
      <span className="find-bar__count" role="status" data-testid="find-count">
        {count}
      </span>
      <button
        type="button"
        className="button button--quiet"
        onClick={find.previous}
        disabled={total === 0}
        title={t('find.previousKeys')}
        data-testid="find-previous"
      >
        {t('find.previous')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={find.next}
        disabled={total === 0}
        title={t('find.nextKeys')}
        data-testid="find-next"
      >
        {t('find.next')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={onClose}
        data-testid="find-close"
      >
        {t('find.close')}
      </button>
    </div>
  )
}
