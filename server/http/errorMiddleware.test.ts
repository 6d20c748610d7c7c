import type { AddressInfo } from 'node:net'
import express from 'express'
import { expect, test } from 'vitest'
import { createJsonLogger } from '../logging/index.ts'
import { errorMiddleware } from './errorMiddleware.ts'
import { ImportError } from './errors.ts'

async function serve(handler: express.RequestHandler) {
  const lines: Array<{ event: string }> = []
  const app = express()
  app.get('/', handler)
  app.use(
    errorMiddleware(createJsonLogger((line) => lines.push(JSON.parse(line) as { event: string }))),
  )
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  const body = (await response.json()) as unknown
  await new Promise((resolve) => server.close(resolve))
  return { status: response.status, body, lines }
}

test('answers an AppError with its status and code', async () => {
  const result = await serve(() => {
    throw new ImportError('import.not_utf8', 'The file is not valid UTF-8.')
  })
  expect(result.status).toBe(400)
  expect(result.body).toEqual({
    error: { code: 'import.not_utf8', message: 'The file is not valid UTF-8.' },
  })
  expect(result.lines).toEqual([])
})

test('turns any other error into a 500 that leaks nothing, logged once', async () => {
  const result = await serve(async () => {
    throw new Error('SQLITE_FULL: database or disk is full at /srv/data/qalam.sqlite')
  })
  expect(result.status).toBe(500)
  expect(result.body).toEqual({ error: { code: 'internal', message: 'Internal server error' } })
  expect(JSON.stringify(result.body)).not.toContain('SQLITE')
  expect(result.lines.map((line) => line.event)).toEqual(['http.internal_error'])
})
