import { z } from 'zod'
import { PROJECT_ROLES } from '@qalam/shared/workflow'

/*
 * Request bodies of the auth routes. Login takes whatever was typed (bounded, so a
 * megabyte password cannot make scrypt a denial of service); creating an account applies
 * the naming and password rules.
 */

export const USERNAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}$/u
export const MIN_PASSWORD_LENGTH = 8
export const MAX_PASSWORD_LENGTH = 256

export const username = z
  .string()
  .transform((value) => value.normalize('NFC'))
  .pipe(z.string().regex(USERNAME_PATTERN, 'letters, digits, ".", "_" or "-", at most 64'))

export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`)
  .refine((value) => new Set(value).size > 2, 'too repetitive')

export const loginRequest = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
})
export type LoginRequest = z.infer<typeof loginRequest>

export const userRequest = z.object({
  username,
  password: newPassword,
  isAdmin: z.boolean().default(false),
})
export type UserRequest = z.infer<typeof userRequest>

export const projectRequest = z.object({
  name: z.string().trim().min(1).max(200),
})
export type ProjectRequest = z.infer<typeof projectRequest>

export const memberRequest = z.object({
  username: z.string().min(1).max(64),
  role: z.enum(PROJECT_ROLES),
})
export type MemberRequest = z.infer<typeof memberRequest>

export const memberRoleRequest = z.object({ role: z.enum(PROJECT_ROLES) })
export type MemberRoleRequest = z.infer<typeof memberRoleRequest>

export const userStateRequest = z.object({ isActive: z.boolean() })
export type UserStateRequest = z.infer<typeof userStateRequest>

/** An administrator's reset: the password they hand over, to be changed at the next login. */
export const passwordResetRequest = z.object({ password: newPassword })
export type PasswordResetRequest = z.infer<typeof passwordResetRequest>

export const passwordChangeRequest = z.object({
  currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
  newPassword,
})
export type PasswordChangeRequest = z.infer<typeof passwordChangeRequest>
