import { useTranslation } from 'react-i18next'
import type { PresenceStore } from './PresenceStore.ts'
import { useCollaborators } from './usePresence.ts'

/** Everyone else who has the document open, as colour dots with their names on hover. */
export function CollaboratorList({ presence }: { presence: PresenceStore }) {
  const { t } = useTranslation()
  const collaborators = useCollaborators(presence)
  return (
    <div className="collaborators" data-testid="collaborators">
      <span className="collaborators__count">
        {t('presence.online', { count: collaborators.length })}
      </span>
      <ul className="collaborators__list">
        {collaborators.map((collaborator) => (
          <li
            key={collaborator.clientId}
            className="collaborators__avatar"
            style={{ backgroundColor: collaborator.color }}
            title={collaborator.name}
          >
            <span aria-hidden="true">{collaborator.name.slice(0, 1).toUpperCase()}</span>
            <span className="visually-hidden">{collaborator.name}</span>
          </li>
        ))}
      </ul>
    </div>
  )
}
