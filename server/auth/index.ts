export { ROLES, isRole, type Role, type ActorRole } from './roles.ts'
export { may, type Action } from './permissions.ts'
