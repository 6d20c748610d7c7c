import type { TFunction } from 'i18next'
import { isSegmentStatus } from '@qalam/shared/model'
import { PROJECT_ROLES, type ProjectRole } from '@qalam/shared/workflow'
import type { AuditEntry } from './auditApi.ts'

function text(detail: Record<string, unknown>, key: string): string {
  const value = detail[key]
  return typeof value === 'string' ? value : ''
}

function statusName(t: TFunction, value: unknown): string {
  return isSegmentStatus(value) ? t(`status.${value}`) : String(value ?? '')
}

function roleName(t: TFunction, value: unknown): string {
  return (PROJECT_ROLES as readonly unknown[]).includes(value)
    ? t(`roles.${value as ProjectRole}`)
    : String(value ?? '')
}

/** An audited entry's terms as "text (lang)" joined by " / ". */
function termsText(value: unknown): string {
  if (!Array.isArray(value)) return ''
  return value
    .flatMap((term: unknown) => {
      if (typeof term !== 'object' || term === null) return []
      const { lang, text: words } = term as Record<string, unknown>
      return typeof words === 'string' ? [`${words} (${String(lang ?? '')})`] : []
    })
    .join(' / ')
}

/** The origin an import's pre-fill records on a segment's status entry. */
function isPrefill(value: unknown): value is { percent: number; memory: string } {
  if (typeof value !== 'object' || value === null) return false
  const { percent, memory } = value as Record<string, unknown>
  return typeof percent === 'number' && typeof memory === 'string'
}

/** What an audit entry says happened, in the interface language, without who and when. */
export function describeEntry(t: TFunction, entry: AuditEntry): string {
  const { detail } = entry
  switch (entry.action) {
    case 'status':
      return isPrefill(detail.prefill)
        ? t('audit.prefilledSegment', {
            percent: detail.prefill.percent,
            memory: detail.prefill.memory,
          })
        : t('audit.status', {
            from: statusName(t, detail.from),
            to: statusName(t, detail.to),
          })
    case 'approve':
      return t('audit.approve')
    case 'approve.lateTyping':
      return t('audit.approveLateTyping')
    case 'reject':
      return t('audit.reject')
    case 'reopen':
      return t('audit.reopen')
    case 'member.add':
      return t('audit.memberAdd', {
        member: text(detail, 'username'),
        role: roleName(t, detail.role),
      })
    case 'member.role':
      return t('audit.memberRole', {
        member: text(detail, 'username'),
        role: roleName(t, detail.role),
      })
    case 'member.remove':
      return t('audit.memberRemove', { member: text(detail, 'username') })
    case 'document.rename':
      return t('audit.documentRename', { from: text(detail, 'from'), to: text(detail, 'to') })
    case 'document.delete':
      return t('audit.documentDelete', { title: text(detail, 'title') })
    case 'document.restore':
      return t('audit.documentRestore', { title: text(detail, 'title') })
    case 'project.rename':
      return t('audit.projectRename', { from: text(detail, 'from'), to: text(detail, 'to') })
    case 'project.delete':
      return t('audit.projectDelete', { name: text(detail, 'name') })
    case 'project.restore':
      return t('audit.projectRestore', { name: text(detail, 'name') })
    case 'project.prefillRule':
      return t(detail.prefillExactMatches === true ? 'prefill.auditRuleOn' : 'prefill.auditRuleOff')
    case 'document.prefill':
      return t('prefill.auditDocument', {
        count: typeof detail.prefilled === 'number' ? detail.prefilled : 0,
        segments: typeof detail.segments === 'number' ? detail.segments : 0,
      })
    case 'glossary.entryEdit':
      return t('glossary.auditEdit', {
        before: termsText(detail.before),
        after: termsText(detail.after),
      })
    case 'glossary.entryDelete':
      return t('glossary.auditDelete', { before: termsText(detail.before) })
    case 'project.exportRule':
      return t(
        detail.approvedOnly === true ? 'exportPolicy.auditRuleOn' : 'exportPolicy.auditRuleOff',
      )
  }
}

/** A rejection's reason, when the entry carries one. */
export function rejectionReason(entry: AuditEntry): string | null {
  const reason = entry.action === 'reject' ? text(entry.detail, 'reason') : ''
  return reason === '' ? null : reason
}

/** The text an approval approved, or an approved text after late typing, when recorded. */
export function approvedText(entry: AuditEntry): string | null {
  if (entry.action !== 'approve' && entry.action !== 'approve.lateTyping') return null
  const value = entry.detail.text
  return typeof value === 'string' ? value : null
}

/** The 1-based number of the segment the entry is about, when the server recorded it. */
export function segmentNumber(entry: AuditEntry): number | null {
  const number = entry.detail.segmentNumber
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null
}
