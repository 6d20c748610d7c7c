import type { ErrorRequestHandler } from 'express'
import type { Logger } from '../logging/index.ts'
import { AppError, BusyError } from './errors.ts'

/** Maps AppError to its status and `{ error: { code, message } }`; anything else is a logged 500. */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, _next) => {
    if (error instanceof AppError) {
      const { code, message, detail } = error
      if (error instanceof BusyError) response.set('Retry-After', String(error.retryAfterSeconds))
      response.status(error.status).json({ error: { code, message, ...(detail && { detail }) } })
      return
    }
    log.error('http.internal_error', { method: request.method, path: request.path, error })
    response.status(500).json({ error: { code: 'internal', message: 'Internal server error' } })
  }
}
