export {
  hashPassword,
  verifyPassword,
  needsRehash,
  DEFAULT_COST,
  type ScryptCost,
} from './password.ts'
export { newSessionToken, hashSessionToken } from './sessionToken.ts'
export {
  UsernameTakenError,
  type AuthStore,
  type User,
  type UserRecord,
  type Session,
  type Project,
  type DeletedProject,
  type ProjectWithRole,
  type Member,
} from './AuthStore.ts'
export { createSqliteAuthSchema, createSqliteAuthStore } from './sqlite/SqliteAuthStore.ts'
export { createPostgresAuthStore } from './postgres/PostgresAuthStore.ts'
export { authenticate } from './authenticate.ts'
export { projectAccess, documentAccess } from './projectAccess.ts'
export {
  LoginThrottle,
  DEFAULT_LOGIN_THROTTLE,
  throttledAddress,
  type BackOff,
  type LoginAttempt,
  type LoginThrottleOptions,
  type LoginVerdict,
} from './loginThrottle.ts'
export {
  DEVICE_COOKIE,
  deviceCookie,
  hashDeviceToken,
  readDeviceToken,
  type KnownDevices,
} from './knownDevices.ts'
export {
  createSqliteKnownDevices,
  createSqliteKnownDevicesSchema,
} from './sqlite/SqliteKnownDevices.ts'
export { createPostgresKnownDevices } from './postgres/PostgresKnownDevices.ts'
export {
  loginRequest,
  userRequest,
  projectRequest,
  memberRequest,
  memberRoleRequest,
  userStateRequest,
  passwordResetRequest,
  passwordChangeRequest,
  username,
  newPassword,
  type LoginRequest,
  type UserRequest,
  type ProjectRequest,
  type MemberRequest,
  type MemberRoleRequest,
  type UserStateRequest,
  type PasswordResetRequest,
  type PasswordChangeRequest,
} from './schemas.ts'
export {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  sessionCookie,
  clearedSessionCookie,
  readSessionToken,
  sessionFromCookie,
  isAllowedOrigin,
} from './sessionCookie.ts'
