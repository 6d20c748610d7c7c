import { useTranslation } from 'react-i18next'
import type { ActingRole } from '@qalam/shared/workflow'

export function RoleBadge({ role }: { role: ActingRole }) {
  const { t } = useTranslation()
  return (
    <span className="role-badge" data-role={role} data-testid="role">
      {t(`roles.${role}`)}
    </span>
  )
}
