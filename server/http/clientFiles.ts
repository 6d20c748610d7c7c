import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import express, { Router } from 'express'

/**
 * The built client with an SPA fallback: any other GET that is not the API answers
 * index.html and the client's router takes over. Without a build, a 503 says how to make one.
 */
export function clientFiles(clientDir: string): Router {
  const router = Router()
  const root = resolve(clientDir)
  const index = join(root, 'index.html')
  if (!existsSync(index)) {
    router.get('/{*path}', (_request, response) => {
      response
        .status(503)
        .type('text/plain')
        .send('The client is not built. Run `npm run build`, then restart the server.\n')
    })
    return router
  }
  router.use(express.static(root, { index: false }))
  router.get('/{*path}', (_request, response) => {
    response.sendFile(index)
  })
  return router
}
