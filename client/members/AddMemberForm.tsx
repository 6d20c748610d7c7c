import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectRole } from '@qalam/shared/workflow'
import { useSubmit } from '../http/useSubmit.ts'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { addMember } from './membersApi.ts'
import { RoleSelect } from './RoleSelect.tsx'

/** Adds an existing account to the project by its user name. */
export function AddMemberForm({ projectId, onAdded }: { projectId: string; onAdded: () => void }) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [role, setRole] = useState<ProjectRole>('translator')
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    await addMember(projectId, username.trim(), role)
    setUsername('')
    onAdded()
  })
  return (
    <form className="add-member" onSubmit={onSubmit} data-testid="add-member-form">
      <h3>{t('members.addTitle')}</h3>
      <div className="add-member__fields">
        <div className="field">
          <label className="field__label" htmlFor="member-username">
            {t('members.username')}
          </label>
          <input
            id="member-username"
            name="username"
            className="field__input"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            autoCapitalize="none"
            spellCheck={false}
            dir="auto"
            required
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="member-role">
            {t('members.role')}
          </label>
          <RoleSelect id="member-role" value={role} onChange={setRole} label={t('members.role')} />
        </div>
      </div>
      {error !== null && <ErrorMessage error={error} testId="add-member-error" />}
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {t('members.add')}
      </button>
    </form>
  )
}
