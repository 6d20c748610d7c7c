import type { SegmentStatus } from '../../model/index.ts'

/*
 * XLIFF 1.2 `state` values and Trados' `conf` as our statuses, and back. A value is written
 * back only when the segment's status changed: a status that maps to what the file said
 * keeps the file's own value (say `signed-off` rather than our `final`).
 */

const APPROVED_STATES = new Set(['final', 'signed-off'])
const TRANSLATED_STATES = new Set([
  'translated',
  'needs-review-translation',
  'needs-review-l10n',
  'needs-review-adaptation',
])

/** The status a 1.2 target `state` means; a target without a state is a translation. */
export function statusFrom12(state: string | undefined, target: string): SegmentStatus {
  const hasText = target.trim() !== ''
  if (!hasText) return 'new'
  if (state === undefined) return 'translated'
  if (APPROVED_STATES.has(state)) return 'approved'
  if (TRANSLATED_STATES.has(state)) return 'translated'
  return 'draft'
}

const STATE_FOR: Record<SegmentStatus, string> = {
  new: 'new',
  draft: 'needs-translation',
  translated: 'translated',
  approved: 'final',
  rejected: 'needs-review-translation',
}

/** The `state` to write for `status`: the file's own when it still means the same. */
export function state12For(
  status: SegmentStatus,
  original: string | undefined,
  importedStatus: SegmentStatus,
): string {
  if (original !== undefined && status === importedStatus) return original
  return STATE_FOR[status]
}

/** Trados Studio's confirmation levels (`<sdl:seg conf>`). */
export function statusFromSdlConf(conf: string | undefined, target: string): SegmentStatus {
  switch (conf) {
    case 'ApprovedTranslation':
    case 'ApprovedSignOff':
      return 'approved'
    case 'Translated':
      return 'translated'
    case 'RejectedTranslation':
    case 'RejectedSignOff':
      return 'rejected'
    case 'Draft':
      return 'draft'
    default:
      return target.trim() === '' ? 'new' : 'draft'
  }
}

const CONF_FOR: Record<SegmentStatus, string> = {
  new: 'Draft',
  draft: 'Draft',
  translated: 'Translated',
  approved: 'ApprovedTranslation',
  rejected: 'RejectedTranslation',
}

export function sdlConfFor(status: SegmentStatus): string {
  return CONF_FOR[status]
}
