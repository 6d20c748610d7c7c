import { z } from 'zod'

/** An error the server reported with a contract code, or `network` when it could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

/** Fetches JSON and checks it against `schema`; every failure becomes an ApiError with a code. */
export async function requestJson<T>(
  url: string,
  schema: z.ZodType<T>,
  init?: RequestInit,
): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...init?.headers },
    })
  } catch (error) {
    throw new ApiError('network', error instanceof Error ? error.message : String(error), 0)
  }
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const parsed = errorBody.safeParse(body)
    if (parsed.success)
      throw new ApiError(parsed.data.error.code, parsed.data.error.message, response.status)
    throw new ApiError(
      response.status >= 500 ? 'internal' : 'unknown',
      response.statusText,
      response.status,
    )
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success)
    throw new ApiError('unknown', `unexpected response from ${url}`, response.status)
  return parsed.data
}
