export {
  ACTING_ROLES,
  PROJECT_ROLES,
  isProjectRole,
  type ActingRole,
  type ProjectRole,
} from './roles.ts'
export { may, type Action } from './may.ts'
export { AUDIT_ACTIONS, DELETED_RETENTION_MS, type AuditAction } from './auditActions.ts'
