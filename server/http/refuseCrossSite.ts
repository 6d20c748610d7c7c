import type { Request, RequestHandler } from 'express'
import { REQUEST_HEADER } from '@qalam/shared/api'
import { isAllowedOrigin } from '../auth/index.ts'
import { CrossSiteError } from './errors.ts'

/** Methods that change nothing; everything else must come from our own page. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** What a foreign form or `no-cors` fetch can post without a CORS preflight (Fetch, "CORS-safelisted"). */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
])

function contentType(request: Request): string | undefined {
  return request.headers['content-type']?.split(';')[0]?.trim().toLowerCase()
}

/**
 * Could another site's page have sent this without the browser asking us first? Only POSTs
 * with no body type or a form's body type; PUT, PATCH, DELETE and JSON always need a preflight.
 */
function isSendableCrossSite(request: Request): boolean {
  const type = contentType(request)
  return request.method === 'POST' && (type === undefined || SIMPLE_CONTENT_TYPES.has(type))
}

/** Whether `origin` is this server as the browser reached it (Host), or one the config allows. */
function isOwnOrigin(origin: string, request: Request, allowedOrigins: readonly string[]): boolean {
  try {
    if (new URL(origin).host === request.headers.host) return true
  } catch {
    return false
  }
  return isAllowedOrigin(origin, allowedOrigins)
}

/**
 * CSRF defence for every state-changing request, three checks deep: a browser's `Origin` must be
 * ours; its `Sec-Fetch-Site` must say same-origin (a page on another port of the same host is
 * "same-site", and SameSite=Lax cookies reach us from it); and what a foreign page could send
 * without a preflight must carry `REQUEST_HEADER`. Clients other than browsers send neither
 * Origin nor Sec-Fetch-Site and pass the first two; they have no victim's cookie to abuse.
 */
export function refuseCrossSite(allowedOrigins: readonly string[]): RequestHandler {
  return (request, _response, next) => {
    if (SAFE_METHODS.has(request.method)) return next()
    const origin = request.headers.origin
    const isOwn = origin !== undefined && isOwnOrigin(origin, request, allowedOrigins)
    if (origin !== undefined && !isOwn) {
      throw new CrossSiteError(`Requests from ${origin} are not accepted.`)
    }
    const site = request.headers['sec-fetch-site']
    if (site !== undefined && site !== 'same-origin' && !isOwn) {
      throw new CrossSiteError(`A ${site} request is not accepted.`)
    }
    if (isSendableCrossSite(request) && request.get(REQUEST_HEADER) === undefined) {
      throw new CrossSiteError(`The ${REQUEST_HEADER} header is missing.`)
    }
    next()
  }
}
