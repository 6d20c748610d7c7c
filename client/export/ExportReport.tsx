import { useCallback, type ReactNode } from 'react'
import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import {
  EXPORT_FALLBACKS,
  EXPORT_SCOPES,
  type ExportFallback,
  type ExportPolicy,
  type ExportScope,
  type ReportKind,
} from '@qalam/shared/export'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { useFormatter } from '../i18n/formatting.ts'
import { fetchExportReport, type ExportReportView } from './exportPolicyApi.ts'
import './exportPolicy.css'

/** Segment buttons shown per finding; the rest are counted. */
const SHOWN_SEGMENTS = 40

const SCOPE_LABELS = {
  all: 'exportPolicy.scopeAll',
  approved: 'exportPolicy.scopeApproved',
} as const satisfies Record<ExportScope, string>

const FALLBACK_LABELS = {
  source: 'exportPolicy.fallbackSource',
  empty: 'exportPolicy.fallbackEmpty',
  marked: 'exportPolicy.fallbackMarked',
} as const satisfies Record<ExportFallback, string>

const FINDING_LABELS = {
  untranslated: 'exportPolicy.untranslated',
  notApproved: 'exportPolicy.notApproved',
  tagsMissing: 'exportPolicy.tagsMissing',
  tagsExtra: 'exportPolicy.tagsExtra',
  tagsOrder: 'exportPolicy.tagsOrder',
} as const satisfies Record<ReportKind, string>

/**
 * The export's policy (which translations, and what the other segments become) and the
 * server's report of what that writes: untranslated and not approved segments, each a button
 * that opens the segment. A project rule of approved only shows the scope fixed. The report is
 * fetched when the component mounts (the dialog remounts it on each opening) and on each change.
 */
export function ExportReport({
  documentId,
  policy,
  onPolicyChange,
  onGoToSegment,
}: {
  documentId: string
  policy: ExportPolicy
  onPolicyChange: (policy: ExportPolicy) => void
  onGoToSegment: (index: number) => void
}) {
  const { t } = useTranslation()
  const { scope, fallback } = policy
  const load = useCallback(
    (signal: AbortSignal) => fetchExportReport(documentId, { scope, fallback }, signal),
    [documentId, scope, fallback],
  )
  const [state] = useRequest(load)
  const ruleFixed = state.kind === 'loaded' && state.value.approvedOnlyRule
  const shownScope = ruleFixed ? 'approved' : scope
  return (
    <div className="export-policy" data-testid="export-policy">
      <ChoiceGroup
        name="export-scope"
        legend={t('exportPolicy.scope')}
        values={EXPORT_SCOPES}
        labels={SCOPE_LABELS}
        chosen={shownScope}
        disabled={ruleFixed}
        onChoose={(value) => onPolicyChange({ ...policy, scope: value })}
      >
        {ruleFixed && (
          <p className="export-policy__rule" data-testid="export-rule-fixed">
            {t('exportPolicy.ruleFixed')}
          </p>
        )}
      </ChoiceGroup>
      <ChoiceGroup
        name="export-fallback"
        legend={t('exportPolicy.fallback')}
        values={EXPORT_FALLBACKS}
        labels={FALLBACK_LABELS}
        chosen={fallback}
        disabled={false}
        onChoose={(value) => onPolicyChange({ ...policy, fallback: value })}
      />
      <section className="export-policy__report" aria-labelledby="export-report-title">
        <h3 id="export-report-title">{t('exportPolicy.reportTitle')}</h3>
        <RequestProgress state={state} loading={t('exportPolicy.checking')} />
        {state.kind === 'loaded' && (
          <ReportBody report={state.value} onGoToSegment={onGoToSegment} />
        )}
      </section>
    </div>
  )
}

/** One choice of the policy as radio buttons. */
function ChoiceGroup<Value extends string>({
  name,
  legend,
  values,
  labels,
  chosen,
  disabled,
  onChoose,
  children,
}: {
  name: string
  legend: string
  values: readonly Value[]
  labels: Record<Value, ParseKeys>
  chosen: Value
  disabled: boolean
  onChoose: (value: Value) => void
  children?: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="export-policy__choice" data-testid={name}>
      <legend>{legend}</legend>
      {values.map((value) => (
        <label key={value}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={chosen === value}
            disabled={disabled}
            onChange={() => onChoose(value)}
          />
          {t(labels[value])}
        </label>
      ))}
      {children}
    </fieldset>
  )
}

function ReportBody({
  report,
  onGoToSegment,
}: {
  report: ExportReportView
  onGoToSegment: (index: number) => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const findings = report.findings.filter((finding) => finding.count > 0)
  return (
    <div
      data-testid="export-report"
      data-written={report.translationsWritten}
      data-fallbacks={report.fallbacks}
    >
      <p>
        {t('exportPolicy.written', {
          written: format.number(report.translationsWritten),
          total: format.number(report.segments),
        })}
      </p>
      {findings.length === 0 ? (
        <p>{t('exportPolicy.allApproved')}</p>
      ) : (
        <ul className="export-policy__findings">
          {findings.map((finding) => {
            const shown = finding.segments.slice(0, SHOWN_SEGMENTS)
            return (
              <li
                key={finding.kind}
                data-testid="export-finding"
                data-kind={finding.kind}
                data-count={finding.count}
              >
                <span>{t(FINDING_LABELS[finding.kind], { count: finding.count })}</span>{' '}
                {shown.map((number) => (
                  <button
                    key={number}
                    type="button"
                    className="unrepresentable__segment"
                    aria-label={t('exportPolicy.goToSegment', { number: format.number(number) })}
                    data-segment={number}
                    onClick={() => onGoToSegment(number - 1)}
                  >
                    {format.number(number)}
                  </button>
                ))}
                {finding.count > shown.length &&
                  t('exportPolicy.moreSegments', {
                    count: finding.count - shown.length,
                  })}
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
