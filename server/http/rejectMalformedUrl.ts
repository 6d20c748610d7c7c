import type { RequestHandler } from 'express'
import { InvalidRequestError } from './errors.ts'

/**
 * A path that is not valid percent-encoding (`/api/documents/%E0%A4%A`) is the client's
 * mistake: 400 here, before the router's own decoding would throw a URIError that reads as 500.
 */
export function rejectMalformedUrl(): RequestHandler {
  return (request, _response, next) => {
    try {
      decodeURIComponent(request.path)
    } catch {
      throw new InvalidRequestError('The URL is not valid percent-encoding.')
    }
    next()
  }
}
