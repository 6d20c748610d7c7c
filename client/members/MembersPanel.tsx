import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProjectRole } from '@qalam/shared/workflow'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { translateError } from '../i18n/translateError.ts'
import { AddMemberForm } from './AddMemberForm.tsx'
import { changeMemberRole, fetchMembers, removeMember, type Member } from './membersApi.ts'
import { RoleSelect } from './RoleSelect.tsx'

/**
 * The project's members and their roles. Managers and administrators add, re-role and remove
 * members; everyone else sees the list read-only.
 */
export function MembersPanel({
  projectId,
  mayManage,
  onChanged,
}: {
  projectId: string
  mayManage: boolean
  onChanged: () => void
}) {
  const { t, i18n } = useTranslation()
  const load = useCallback((signal: AbortSignal) => fetchMembers(projectId, signal), [projectId])
  const [state, reload] = useRequest(load)
  const [error, setError] = useState<unknown>(null)

  const run = async (change: () => Promise<void>) => {
    setError(null)
    try {
      await change()
      onChanged()
    } catch (failure) {
      setError(failure)
    }
    reload()
  }
  const changed = () => {
    reload()
    onChanged()
  }

  return (
    <section className="panel" aria-labelledby="members-title" data-testid="members-panel">
      <h2 id="members-title">{t('members.title')}</h2>
      <RequestProgress state={state} loading={t('members.loading')} />
      {error !== null && (
        <p className="form-error" role="alert" data-testid="members-error">
          {translateError(i18n, error)}
        </p>
      )}
      {state.kind === 'loaded' &&
        (state.value.length === 0 ? (
          <p className="empty-state">{t('members.empty')}</p>
        ) : (
          <ul className="member-list">
            {state.value.map((member) => (
              <MemberItem
                key={member.userId}
                member={member}
                mayManage={mayManage}
                onRole={(role) => void run(() => changeMemberRole(projectId, member.userId, role))}
                onRemove={() => void run(() => removeMember(projectId, member.userId))}
              />
            ))}
          </ul>
        ))}
      {mayManage && <AddMemberForm projectId={projectId} onAdded={changed} />}
    </section>
  )
}

function MemberItem({
  member,
  mayManage,
  onRole,
  onRemove,
}: {
  member: Member
  mayManage: boolean
  onRole: (role: ProjectRole) => void
  onRemove: () => void
}) {
  const { t } = useTranslation()
  return (
    <li className="member-list__item" data-testid="member" data-username={member.username}>
      <span className="member-list__name" dir="auto">
        {member.username}
      </span>
      {mayManage ? (
        <span className="member-list__controls">
          <RoleSelect
            value={member.role}
            onChange={onRole}
            label={t('members.roleOf', { name: member.username })}
          />
          <button
            type="button"
            className="button button--quiet"
            onClick={onRemove}
            aria-label={t('members.removeName', { name: member.username })}
          >
            {t('members.remove')}
          </button>
        </span>
      ) : (
        <span className="role-badge" data-role={member.role}>
          {t(`roles.${member.role}`)}
        </span>
      )}
    </li>
  )
}
