import { Trans, useTranslation } from 'react-i18next'
import { languageDirection } from '@qalam/shared/text'
import type { Collaborator } from './awarenessState.ts'

/**
 * A quiet line in the open segment when colleagues have it open too: nothing is blocked, the
 * text merges, but the translator knows before typing. It runs in the interface's direction,
 * not the target cell's: in an Arabic target an English notice would read "is editing … Omar".
 */
export function EditingNotice({ collaborators }: { collaborators: readonly Collaborator[] }) {
  const { i18n } = useTranslation()
  if (collaborators.length === 0) return null
  const language = i18n.resolvedLanguage ?? 'en'
  const names = collaborators.map((collaborator) => collaborator.name).join(', ')
  return (
    <p
      className="editing-notice"
      role="status"
      data-testid="editing-notice"
      lang={language}
      dir={languageDirection(language)}
    >
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
