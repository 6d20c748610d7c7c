import { z } from 'zod'
import { DEFAULT_EXPORT_POLICY, EXPORT_FALLBACKS, EXPORT_SCOPES } from '@qalam/shared/export'

/** The export policy a request asks for; absent fields take the default (everything, source). */
export const exportPolicyQuery = z.object({
  scope: z.enum(EXPORT_SCOPES).default(DEFAULT_EXPORT_POLICY.scope),
  fallback: z.enum(EXPORT_FALLBACKS).default(DEFAULT_EXPORT_POLICY.fallback),
})
