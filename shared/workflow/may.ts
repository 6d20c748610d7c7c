import type { SegmentStatus } from '../model/index.ts'
import type { ActingRole } from './roles.ts'

/** Everything a project member may try to do; `setStatus` carries the transition it would make. */
export type Action =
  | 'view'
  | 'import'
  | 'export'
  | 'manageMembers'
  | 'manageDocuments'
  | 'editTarget'
  | 'approve'
  | 'reject'
  | 'reopen'
  | { kind: 'setStatus'; from: SegmentStatus; to: SegmentStatus }

type NamedAction = Exclude<Action, { kind: 'setStatus' }>

/*
 * A project manager may do everything a translator and a reviewer may, as in most CAT tools:
 * on a small team the manager is often the one who fixes the last segment before delivery.
 */
const EVERYTHING = new Set<NamedAction>([
  'view',
  'import',
  'export',
  'manageMembers',
  'manageDocuments',
  'editTarget',
  'approve',
  'reject',
  'reopen',
])

const NAMED: Record<ActingRole, ReadonlySet<NamedAction>> = {
  admin: EVERYTHING,
  manager: EVERYTHING,
  reviewer: new Set<NamedAction>(['view', 'editTarget', 'approve', 'reject', 'reopen']),
  translator: new Set<NamedAction>(['view', 'editTarget']),
  viewer: new Set<NamedAction>(['view']),
}

/*
 * Translators move their own work between draft and translated, and pick a rejected segment
 * back up as a draft; they never touch an approved one. Reviewers and managers may set every
 * status except `new` (which only an import writes), which covers approve, reject and reopen.
 */
const TRANSLATOR_FROM: ReadonlySet<SegmentStatus> = new Set(['new', 'draft', 'translated'])
const TRANSLATOR_TO: ReadonlySet<SegmentStatus> = new Set(['draft', 'translated'])

function maySetStatus(role: ActingRole, from: SegmentStatus, to: SegmentStatus): boolean {
  switch (role) {
    case 'admin':
    case 'manager':
    case 'reviewer':
      return to !== 'new'
    case 'translator':
      return (
        (TRANSLATOR_FROM.has(from) && TRANSLATOR_TO.has(to)) ||
        (from === 'rejected' && to === 'draft')
      )
    case 'viewer':
      return false
  }
}

/** Whether `role` may perform `action`. Pure; the single source of the role rules for server and client. */
export function may(role: ActingRole, action: Action): boolean {
  if (typeof action === 'string') return NAMED[role].has(action)
  return maySetStatus(role, action.from, action.to)
}
