import express, { type RequestHandler } from 'express'
import { InvalidRequestError } from './errors.ts'

const parse = express.json({ limit: '64kb' })

/**
 * JSON bodies of the auth and project routes: small objects, refused when larger. body-parser's
 * own errors would reach the client as 500s; they become `request.invalid`.
 */
export const jsonBody: RequestHandler = (request, response, next) => {
  parse(request, response, (error?: unknown) => {
    if (error === undefined || error === null) return next()
    const tooLarge = (error as { type?: unknown }).type === 'entity.too.large'
    next(
      new InvalidRequestError(
        tooLarge ? 'The request body is too large.' : 'The request body is not valid JSON.',
      ),
    )
  })
}
