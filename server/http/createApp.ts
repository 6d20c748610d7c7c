import express, { type Express, type Request } from 'express'
import type { AuditLog } from '../audit/index.ts'
import type { AuthStore, KnownDevices, LoginThrottle, ScryptCost } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import type { SegmentationStore } from '../segmentation/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import type { ImportJobs, MatchLookup, TranslationMemoryStore } from '../tm/index.ts'
import type { GlossaryStore } from '../glossary/index.ts'
import type { DocumentAnalyses } from '../analysis/index.ts'
import { alignmentRouter } from './alignmentRouter.ts'
import { documentAnalysisRouter, projectAnalysisRouter } from './analysisRouter.ts'
import { clientFiles } from './clientFiles.ts'
import { documentsRouter, type LiveDocuments } from './documentsRouter.ts'
import { reviewRouter, type ServerChanges } from './reviewRouter.ts'
import { errorMiddleware } from './errorMiddleware.ts'
import { exportReportRouter } from './exportPolicyRouter.ts'
import { memoriesRouter } from './memoriesRouter.ts'
import { matchesRouter } from './matchesRouter.ts'
import { concordanceRouter } from './concordanceRouter.ts'
import type { ImportQueue } from './importQueue.ts'
import { documentGlossaryRouter, projectGlossaryRouter } from './glossaryRouter.ts'
import type { LiveAccess } from './liveAccess.ts'
import { NotFoundError } from './errors.ts'
import { exportRuleFlag, prefillFlag, projectFlagRouter } from './projectFlagRouter.ts'
import { projectsRouter } from './projectsRouter.ts'
import { segmentationRouter } from './segmentationRouter.ts'
import { metricsEndpoint, type MetricsOptions } from './metricsEndpoint.ts'
import { readiness, type ReadinessChecks } from './readiness.ts'
import { refuseCrossSite } from './refuseCrossSite.ts'
import { rejectMalformedUrl } from './rejectMalformedUrl.ts'
import { securityHeaders } from './securityHeaders.ts'
import { passwordChangeGate, refuseAnonymousBodies, sessionMiddleware } from './session.ts'
import { sessionRouter } from './sessionRouter.ts'
import { usersRouter } from './usersRouter.ts'

export interface AppOptions {
  store: DocumentStore
  auth: AuthStore
  audit: AuditLog
  segmentation: SegmentationStore
  tm: TranslationMemoryStore
  /** Fuzzy lookup over the memories for the editor's match panel. */
  lookup: MatchLookup
  /** Document analyses by match band, run a few at a time. */
  analyses: DocumentAnalyses
  importJobs: ImportJobs
  throttle: LoginThrottle
  knownDevices: KnownDevices
  glossaries: GlossaryStore
  sessionTtlMs: number
  /** The scrypt cost of new password hashes. */
  passwordCost: ScryptCost
  live: LiveDocuments & ServerChanges
  access: LiveAccess
  log: Logger
  maxUploadBytes: number
  /** Slots of the worker pool that imports, previews and alignments run in. */
  imports: ImportQueue
  clientDir: string
  /** Browser origins besides our own whose state-changing requests are accepted. */
  allowedOrigins: readonly string[]
  /** Proxies trusted to name the client in `X-Forwarded-For` (Express's `trust proxy`). */
  trustProxy?: readonly string[]
  /** What `/readyz` checks: the store takes writes and its migrations are current. */
  readiness: ReadinessChecks
  /** What `/metrics` serves, and to whom. */
  metrics: MetricsOptions
}

/** The one body an anonymous request may send: the login form. */
const isLogin = (request: Request) => request.method === 'POST' && request.path === '/session'

export function createApp(options: AppOptions): Express {
  const app = express()
  app.disable('x-powered-by')
  if (options.trustProxy?.length) app.set('trust proxy', [...options.trustProxy])
  app.use(securityHeaders())
  app.use(rejectMalformedUrl())
  app.get('/healthz', (_request, response) => {
    response.json({ ok: true })
  })
  app.get('/readyz', readiness(options.readiness, options.log))
  app.get('/metrics', metricsEndpoint(options.metrics))
  app.use('/api', refuseCrossSite(options.allowedOrigins))
  app.use('/api', sessionMiddleware(options.auth))
  app.use('/api', refuseAnonymousBodies(isLogin))
  app.use('/api/session', sessionRouter(options))
  app.use('/api', passwordChangeGate())
  app.use('/api/users', usersRouter(options))
  app.use('/api/projects/:id/segmentation', segmentationRouter(options))
  app.use('/api/projects/:id/memories', memoriesRouter(options))
  app.use('/api/projects/:id/glossaries', projectGlossaryRouter(options))
  app.use('/api/projects/:id/analysis', projectAnalysisRouter(options))
  app.use('/api/projects/:id/prefill', projectFlagRouter(prefillFlag, options))
  app.use('/api/projects/:id/export-rule', projectFlagRouter(exportRuleFlag, options))
  app.use('/api/projects', projectsRouter(options))
  app.use('/api/documents/:id/glossary', documentGlossaryRouter(options))
  app.use('/api/documents/:id/matches', matchesRouter(options))
  app.use('/api/documents/:id/concordance', concordanceRouter(options))
  app.use('/api/documents/:id/analysis', documentAnalysisRouter(options))
  app.use('/api/documents', exportReportRouter(options))
  app.use('/api/documents', reviewRouter(options))
  app.use('/api/documents', documentsRouter(options))
  app.use('/api/alignments', alignmentRouter(options))
  app.use('/api', () => {
    throw new NotFoundError('request.not_found', 'No such API endpoint.')
  })
  app.use(clientFiles(options.clientDir))
  app.use(errorMiddleware(options.log))
  return app
}
