import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AuditEntry } from './auditApi.ts'
import { approvedText, describeEntry, rejectionReason, segmentNumber } from './describeEntry.ts'
import { useFormatter } from '../i18n/formatting.ts'

/**
 * One audit entry: who, when, what, and a rejection's reason. `context` names the document, in
 * a project's feed, which then also links the segment. Names and titles are isolated (`bdi`):
 * a Latin title beside an Arabic verb must not reorder either.
 */
export function AuditEntryItem({ entry, context }: { entry: AuditEntry; context?: string }) {
  const { t } = useTranslation()
  const format = useFormatter()
  const when = format.date(entry.at, { dateStyle: 'medium', timeStyle: 'short' })
  const number = segmentNumber(entry)
  const reason = rejectionReason(entry)
  const approved = approvedText(entry)
  return (
    <li className="audit-entry" data-testid="audit-entry" data-action={entry.action}>
      <div className="audit-entry__line">
        <strong className="audit-entry__user">
          <bdi>{entry.username}</bdi>
        </strong>{' '}
        <span>{describeEntry(t, entry)}</span>
        {context !== undefined && (
          <span className="audit-entry__context">
            {' · '}
            <bdi>{context}</bdi>
            {number !== null && entry.documentId !== null && (
              <>
                {' · '}
                <Link
                  to={`/documents/${encodeURIComponent(entry.documentId)}?segment=${number}`}
                  data-testid="audit-segment-link"
                >
                  {t('audit.segmentLink', { number: format.number(number) })}
                </Link>
              </>
            )}
          </span>
        )}
      </div>
      {reason !== null && (
        <blockquote className="audit-entry__reason" dir="auto">
          {reason}
        </blockquote>
      )}
      {approved !== null && approved !== '' && (
        <blockquote className="audit-entry__text" dir="auto" data-testid="audit-approved-text">
          {approved}
        </blockquote>
      )}
      <time className="audit-entry__time" dateTime={new Date(entry.at).toISOString()}>
        {when}
      </time>
    </li>
  )
}
