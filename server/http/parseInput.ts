import type { z } from 'zod'
import { InvalidRequestError } from './errors.ts'

/** Parses untrusted input with a schema, or throws `request.invalid` naming what was wrong. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.infer<Schema> {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`,
  )
  throw new InvalidRequestError(`Invalid request. ${problems.join('; ')}`)
}
