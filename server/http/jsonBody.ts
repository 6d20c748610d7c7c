import express, { type RequestHandler } from 'express'
import { InvalidRequestError, PayloadTooLargeError } from './errors.ts'

/** The limit of the API's small JSON bodies (login, users, projects, members). */
export const SMALL_JSON_BYTES = 64 * 1024

/**
 * Parses a JSON body of at most `limitBytes`. body-parser's own errors carry a `type`; without
 * this they would reach the client as 500s: too large is `request.too_large` (413), anything
 * unreadable `request.invalid`.
 */
export function jsonBody(limitBytes: number = SMALL_JSON_BYTES): RequestHandler {
  return withBodyErrors(express.json({ limit: limitBytes }), limitBytes, 'valid JSON')
}

/** The body as a string of at most `limitBytes`, whatever content type the client gave. */
export function textBody(limitBytes: number): RequestHandler {
  return withBodyErrors(express.text({ type: () => true, limit: limitBytes }), limitBytes, 'text')
}

function withBodyErrors(parse: RequestHandler, limitBytes: number, what: string): RequestHandler {
  return (request, response, next) => {
    parse(request, response, (error?: unknown) => {
      if (error === undefined || error === null) return next()
      const type = (error as { type?: unknown }).type
      if (type === 'entity.too.large') {
        return next(new PayloadTooLargeError(`The request is larger than ${limitBytes} bytes.`))
      }
      next(new InvalidRequestError(`The request body is not ${what}.`))
    })
  }
}
