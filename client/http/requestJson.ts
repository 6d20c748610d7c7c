import { z } from 'zod'
import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '@qalam/shared/api'
import { reportUnauthorized } from '../auth/unauthorized.ts'

/** An error the server reported with a contract code, or `network` when it could not be reached. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    /** From `Retry-After` on a 429: how long the server asks us to wait. */
    readonly retryAfterSeconds: number | null = null,
    /** Facts the server gave beside the code (e.g. which characters); for the screen to parse. */
    readonly detail: unknown = undefined,
  ) {
    super(message)
  }
}

const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), detail: z.unknown().optional() }),
})

/** Fetches JSON and checks it against `schema`; every failure becomes an ApiError with a code. */
export async function requestJson<T>(
  url: string,
  schema: z.ZodType<T>,
  init?: RequestInit,
): Promise<T> {
  return readJsonResponse(await send(url, init), schema, url)
}

/** `requestJson`'s reading of an answer, for one that came another way (an upload's XHR). */
export async function readJsonResponse<T>(
  response: Response,
  schema: z.ZodType<T>,
  url: string,
): Promise<T> {
  const body: unknown = await response.json().catch(() => null)
  if (!response.ok) throw toApiError(response, body)
  const parsed = schema.safeParse(body)
  if (!parsed.success)
    throw new ApiError('unknown', `unexpected response from ${url}`, response.status)
  return parsed.data
}

/** For calls answered with no body (204): resolves once the server has done it. */
export async function requestNoContent(url: string, init?: RequestInit): Promise<void> {
  const response = await send(url, init)
  if (response.ok) return
  throw toApiError(response, await response.json().catch(() => null))
}

/** A file the server made, with the name its `Content-Disposition` gives it. */
export interface ReceivedFile {
  blob: Blob
  fileName: string | null
}

/** Fetches a file the server makes (an export); a refusal becomes an ApiError as above. */
export async function requestFile(url: string): Promise<ReceivedFile> {
  const response = await send(url, undefined)
  if (!response.ok) throw toApiError(response, await response.json().catch(() => null))
  return { blob: await response.blob(), fileName: fileNameOf(response) }
}

/** The RFC 5987 `filename*` (the real name), else the plain `filename`, else null. */
function fileNameOf(response: Response): string | null {
  const header = response.headers.get('content-disposition') ?? ''
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1]
  if (extended !== undefined) {
    try {
      return decodeURIComponent(extended)
    } catch {
      // A malformed escape: fall back to the ASCII name the header also carries.
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null
}

/** A JSON body for `requestJson`'s `init`. */
export function jsonInit(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
}

async function send(url: string, init: RequestInit | undefined): Promise<Response> {
  try {
    return await fetch(url, {
      ...init,
      // The header tells the server this came from our page, not a foreign site's form.
      headers: {
        accept: 'application/json',
        [REQUEST_HEADER]: REQUEST_HEADER_VALUE,
        ...init?.headers,
      },
    })
  } catch (error) {
    throw new ApiError('network', error instanceof Error ? error.message : String(error), 0)
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const parsed = errorBody.safeParse(body)
  if (!parsed.success) {
    return new ApiError(
      response.status >= 500 ? 'internal' : 'unknown',
      response.statusText,
      response.status,
    )
  }
  const { code, message, detail } = parsed.data.error
  // Only a missing session sends the user to log in; a wrong password is the login form's own error.
  if (code === 'auth.required') reportUnauthorized()
  return new ApiError(code, message, response.status, retryAfter(response), detail)
}

function retryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after')
  if (header === null) return null
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(header)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}
