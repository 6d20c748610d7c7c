import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useSubmit } from '../http/useSubmit.ts'
import { LanguageField } from '../import/LanguageField.tsx'
import { explainText, type Explanation } from './segmentationApi.ts'

const RULES = [
  'end',
  'list-item',
  'url',
  'brackets',
  'omission',
  'list-marker',
  'no-space',
  'lowercase-follows',
  'ellipsis-before-i',
  'abbreviation',
  'initial',
  'initialism',
  'ordinal',
  'pronoun-i',
  'unicode',
  'srx',
  'exception',
] as const
type Rule = (typeof RULES)[number]
const isRule = (rule: string): rule is Rule => (RULES as readonly string[]).includes(rule)

/** Segments a pasted text by the project's rules and shows which rule decided each boundary. */
export function ExplainForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const [lang, setLang] = useState('ru')
  const [text, setText] = useState('')
  const [result, setResult] = useState<{ text: string; explanation: Explanation } | null>(null)
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    setResult({ text, explanation: await explainText(projectId, lang, text) })
  })
  return (
    <form onSubmit={onSubmit} data-testid="explain-form">
      <h3>{t('segmentation.explainTitle')}</h3>
      <LanguageField
        label={t('segmentation.language')}
        name="explainLang"
        value={lang}
        onChange={setLang}
      />
      <div className="field">
        <label className="field__label" htmlFor="explain-text">
          {t('segmentation.text')}
        </label>
        <textarea
          id="explain-text"
          name="text"
          className="field__input"
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
          dir="auto"
          required
        />
      </div>
      {error !== null && <ErrorMessage error={error} testId="explain-error" />}
      <button type="submit" className="button" disabled={isSubmitting}>
        {t('segmentation.explain')}
      </button>
      {result && (
        <ol data-testid="explain-result" dir="auto">
          {result.explanation.decisions.map((decision) => (
            <li key={decision.at} data-testid="explain-decision" data-break={decision.isBreak}>
              <bdi>
                …{result.text.slice(Math.max(0, decision.at - 20), decision.at)}⏐
                {result.text.slice(decision.at, decision.at + 20)}…
              </bdi>{' '}
              {decision.isBreak ? t('segmentation.breaks') : t('segmentation.keeps')}:{' '}
              {isRule(decision.rule) ? t(`segmentation.rules.${decision.rule}`) : decision.rule}
              {decision.detail && <bdi> {decision.detail}</bdi>}
            </li>
          ))}
        </ol>
      )}
    </form>
  )
}
