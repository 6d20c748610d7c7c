import { useTranslation } from 'react-i18next'
import type { AuditEntry } from './auditApi.ts'
import { describeEntry, rejectionReason } from './describeEntry.ts'
import { useFormatter } from '../i18n/formatting.ts'

/** One audit entry: who, when, what, and a rejection's reason; `context` names the document. */
export function AuditEntryItem({ entry, context }: { entry: AuditEntry; context?: string }) {
  const { t } = useTranslation()
  const when = useFormatter().date(entry.at, { dateStyle: 'medium', timeStyle: 'short' })
  const reason = rejectionReason(entry)
  return (
    <li className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <div className="audit-entry__line">
        <strong className="audit-entry__user" dir="auto">
          {entry.username}
        </strong>{' '}
        <span>{describeEntry(t, entry)}</span>
        {context !== undefined && (
          <span className="audit-entry__context" dir="auto">
            {' · '}
            {context}
          </span>
        )}
      </div>
      {reason !== null && (
        <blockquote className="audit-entry__reason" dir="auto">
          {reason}
        </blockquote>
      )}
      <time className="audit-entry__time" dateTime={new Date(entry.at).toISOString()}>
        {when}
      </time>
    </li>
  )
}
