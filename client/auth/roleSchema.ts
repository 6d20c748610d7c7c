import { z } from 'zod'
import {
  ACTING_ROLES,
  PROJECT_ROLES,
  type ActingRole,
  type ProjectRole,
} from '@qalam/shared/workflow'

export const projectRole = z.enum(PROJECT_ROLES) as z.ZodType<ProjectRole>
export const actingRole = z.enum(
  ACTING_ROLES as [ActingRole, ...ActingRole[]],
) as z.ZodType<ActingRole>
