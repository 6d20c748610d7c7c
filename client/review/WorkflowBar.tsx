import { useTranslation } from 'react-i18next'
import type { SegmentStatus } from '@qalam/shared/model'
import { may } from '@qalam/shared/workflow'
import { approveAndNext } from '../actions/approveAndNext.ts'
import { confirmAndNext } from '../actions/confirmAndNext.ts'
import { rejectSegment } from '../actions/rejectSegment.ts'
import { reopenSegment } from '../actions/reopenSegment.ts'
import { NavigationNoticeLine } from '../actions/NavigationNoticeLine.tsx'
import type {
  NavigationNotice,
  SegmentAction,
  SegmentActionContext,
} from '../actions/segmentAction.ts'
import { ApproveAllButton, type BusyInView } from './ApproveAllButton.tsx'
import type { StatusFilter } from './statusFilter.ts'
import { StatusFilterSelect } from './StatusFilterSelect.tsx'

type WorkflowAction = SegmentAction & {
  name: 'confirmAndNext' | 'approveAndNext' | 'rejectSegment' | 'reopenSegment'
}

// The status moves, as buttons beside their shortcuts; each role sees only its own.
const WORKFLOW_ACTIONS = [
  confirmAndNext,
  approveAndNext,
  rejectSegment,
  reopenSegment,
] as readonly WorkflowAction[]

interface WorkflowBarProps {
  /** The action context of the active segment; re-render the bar when that segment changes. */
  context: SegmentActionContext
  filter: StatusFilter
  onFilter: (filter: StatusFilter) => void
  counts: Record<SegmentStatus, number>
  total: number
  approvableInView: number
  /** Of those, the ones colleagues have open. */
  busyInView: BusyInView
  onApproveAll: (includeBusy: boolean) => void
  notice: NavigationNotice | null
}

/** Above the grid: the status filter, the active segment's workflow buttons, approve-all. */
export function WorkflowBar({
  context,
  filter,
  onFilter,
  counts,
  total,
  approvableInView,
  busyInView,
  onApproveAll,
  notice,
}: WorkflowBarProps) {
  const { t } = useTranslation()
  const actions = WORKFLOW_ACTIONS.filter((action) => action.isAllowed(context.role))
  return (
    <div className="workflow-bar" role="toolbar" aria-label={t('review.toolbar')}>
      <StatusFilterSelect value={filter} onChange={onFilter} counts={counts} total={total} />
      {actions.length > 0 && (
        <div className="workflow-bar__actions">
          {actions.map((action) => (
            <button
              key={action.name}
              type="button"
              className="button"
              disabled={!action.predicate(context)}
              onClick={() => action.perform(context)}
              data-testid={`action-${action.name}`}
              title={action.keys.map((combo) => combo.join('+')).join(' / ')}
            >
              {t(`review.actions.${action.name}`)}
            </button>
          ))}
        </div>
      )}
      {!may(context.role, 'editTarget') && (
        <p className="workflow-bar__note" data-testid="read-only-role">
          {t('review.readOnlyRole', { role: t(`roles.${context.role}`) })}
        </p>
      )}
      <NavigationNoticeLine notice={notice} />
      {may(context.role, 'approve') && (
        <ApproveAllButton count={approvableInView} busy={busyInView} onApprove={onApproveAll} />
      )}
    </div>
  )
}
