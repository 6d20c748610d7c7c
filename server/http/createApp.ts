import express, { type Express } from 'express'
import type { Logger } from '../logging/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { alignmentRouter } from './alignmentRouter.ts'
import { clientFiles } from './clientFiles.ts'
import { documentsRouter, type LiveDocuments } from './documentsRouter.ts'
import { errorMiddleware } from './errorMiddleware.ts'
import { NotFoundError } from './errors.ts'

export interface AppOptions {
  store: DocumentStore
  live: LiveDocuments
  log: Logger
  maxUploadBytes: number
  clientDir: string
}

export function createApp(options: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  app.get('/healthz', (_request, response) => {
    response.json({ ok: true })
  })
  app.use('/api/documents', documentsRouter(options))
  app.use('/api/alignments', alignmentRouter(options))
  app.use('/api', () => {
    throw new NotFoundError('request.not_found', 'No such API endpoint.')
  })
  app.use(clientFiles(options.clientDir))
  app.use(errorMiddleware(options.log))
  return app
}
