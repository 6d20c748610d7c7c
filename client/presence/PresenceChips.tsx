import { useTranslation } from 'react-i18next'
import type { Collaborator } from './awarenessState.ts'

/** Name chips of the collaborators in one segment, in their caret colours, marked as editing. */
export function PresenceChips({ collaborators }: { collaborators: readonly Collaborator[] }) {
  const { t } = useTranslation()
  if (collaborators.length === 0) return null
  const names = collaborators.map((c) => c.name).join(', ')
  return (
    <ul
      className="presence-chips"
      aria-label={t('presence.inSegment', { names })}
      data-testid="presence"
    >
      {collaborators.map((collaborator) => (
        <li
          key={collaborator.clientId}
          className="presence-chip"
          style={{ '--chip-color': collaborator.color } as React.CSSProperties}
          title={t('collaboration.chipLabel', { name: collaborator.name })}
        >
          <bdi>{collaborator.name}</bdi>
        </li>
      ))}
    </ul>
  )
}
