import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'
import { parseSegmentNumber } from './segmentNumber.ts'
import './find.css'

/** Ctrl+G: goes to a segment by its number (Arabic-Indic digits accepted). */
export function GoToBar({
  count,
  focusRequest,
  onGo,
  onClose,
}: {
  count: number
  focusRequest: number
  onGo: (index: number) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const [typed, setTyped] = useState('')
  const [isInvalid, setInvalid] = useState(false)
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [focusRequest])
  return (
    <form
      className="find-bar"
      data-testid="goto-bar"
      onSubmit={(event) => {
        event.preventDefault()
        const number = parseSegmentNumber(typed, count)
        if (number === null) setInvalid(true)
        else onGo(number - 1)
      }}
    >
      <label className="find-bar__label" htmlFor="goto-segment">
        {t('goTo.label')}
      </label>
      <input
        ref={input}
        id="goto-segment"
        className="find-bar__input find-bar__input--number"
        inputMode="numeric"
        autoComplete="off"
        value={typed}
        aria-invalid={isInvalid}
        aria-describedby={isInvalid ? 'goto-error' : undefined}
        onChange={(event) => {
          setTyped(event.target.value)
          setInvalid(false)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            onClose()
          }
        }}
        data-testid="goto-input"
      />
      <button type="submit" className="button">
        {t('goTo.submit')}
      </button>
      {isInvalid && (
        <span id="goto-error" className="find-bar__error" role="alert" data-testid="goto-error">
          {t('goTo.outOfRange', { last: format.number(count) })}
        </span>
      )}
      <button type="button" className="button button--quiet" onClick={onClose}>
        {t('find.close')}
      </button>
    </form>
  )
}
