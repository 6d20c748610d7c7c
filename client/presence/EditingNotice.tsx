import { Trans } from 'react-i18next'
import type { Collaborator } from './awarenessState.ts'

/**
 * A quiet line in the open segment when colleagues have it open too: nothing is blocked, the
 * text merges, but the translator knows before typing.
 */
export function EditingNotice({ collaborators }: { collaborators: readonly Collaborator[] }) {
  if (collaborators.length === 0) return null
  const names = collaborators.map((collaborator) => collaborator.name).join(', ')
  return (
    <p className="editing-notice" role="status" data-testid="editing-notice">
      <Trans
        i18nKey={
          collaborators.length === 1 ? 'collaboration.editingOne' : 'collaboration.editingMany'
        }
        values={{ name: names, names }}
        components={{ name: <bdi /> }}
      />
    </p>
  )
}
