import { useTranslation } from 'react-i18next'
import { PROJECT_ROLES, type ProjectRole } from '@qalam/shared/workflow'

export function RoleSelect({
  id,
  value,
  onChange,
  label,
  disabled = false,
}: {
  id?: string
  value: ProjectRole
  onChange: (role: ProjectRole) => void
  label: string
  disabled?: boolean
}) {
  const { t } = useTranslation()
  return (
    <select
      id={id}
      className="field__input"
      value={value}
      aria-label={label}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value as ProjectRole)}
    >
      {PROJECT_ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </select>
  )
}
