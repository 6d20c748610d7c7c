import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { DocumentAnalyses, RUNNING_ANALYSES } from './analysis/index.ts'
import {
  LoginThrottle,
  documentAccess,
  hashSessionToken,
  readSessionToken,
  type AuthStore,
} from './auth/index.ts'
import { databaseLocation, defaultConfig, type ServerConfig } from './config.ts'
import { describeLocation, openDatabase } from './database/index.ts'
import { ImportQueue, createApp, type LiveAccess } from './http/index.ts'
import type { Logger } from './logging/index.ts'
import type { DocumentStore, LoadedDocument } from './storage/index.ts'
import { encodeKeptDocumentView, purgeDeleted } from './documents/index.ts'
import {
  ImportJobs,
  MatchLookup,
  reportingWrites,
  rememberApprovedSegments,
  rememberLateTyping,
} from './tm/index.ts'
import {
  RoomRegistry,
  attachSyncServer,
  auditLateTyping,
  auditStatusChanges,
  judgeByRole,
  type Admission,
  type Authorize,
  type SyncServer,
} from './sync/index.ts'
import {
  ANALYSIS_JOBS,
  SERVER_JOBS,
  SNAPSHOT_JOBS,
  WorkerPool,
  type AnalysisJobs,
  type ServerJobs,
  type SnapshotJobs,
} from './workers/index.ts'
import { createServerMetrics } from './metrics/index.ts'
import type { AccessChange } from './pubsub/index.ts'

export type { ServerConfig } from './config.ts'

export interface RunningServer {
  /** `http://127.0.0.1:PORT` (a wildcard host is reported as loopback). */
  url: string
  port: number
  /** True when no account exists yet: someone has to create the first administrator. */
  isFirstRun: boolean
  /** Closes connections, compacts and unloads open rooms, closes the store. */
  close(): Promise<void>
  /**
   * Serves an upgrade request read elsewhere (the cluster's proxy handed it over with its
   * socket) as if it had arrived here; once closing, the socket is dropped and its client
   * reconnects.
   */
  adoptUpgrade(request: IncomingMessage, socket: Socket, head: Buffer): void
}

/**
 * Not configuration: hooks for `npm run bench` alone, which measures the server with update
 * validation off beside it on. Neither the environment nor the HTTP layer can reach these.
 */
export interface BenchmarkOnlyOptions {
  authorize: Authorize
}

/** Two recorders one after the other: the audit entry first (it is the record), then the memory. */
function inOrder<Args extends unknown[]>(
  first: (...args: Args) => Promise<void>,
  second: (...args: Args) => Promise<void>,
): (...args: Args) => Promise<void> {
  return async (...args) => {
    await first(...args)
    await second(...args)
  }
}
/** What a refused upload is told to wait: about one small import's time on a busy machine. */
const BUSY_RETRY_AFTER_SECONDS = 10
/** An analysis worker idle this long exits with its indexes (the editor's are kept as long). */
const ANALYSIS_WORKER_IDLE_MS = 10 * 60_000

/**
 * The compactions' pool: one thread, started on the first compaction and ended after a minute
 * without one. Its own, so that a burst of imports never holds a compaction back.
 */
function openSnapshotPool(config: ServerConfig, log: Logger): WorkerPool<SnapshotJobs> {
  return new WorkerPool<SnapshotJobs>({
    jobs: SNAPSHOT_JOBS,
    // With imports on the event loop (a benchmark), compactions are too.
    size: Math.min(1, config.workers.size),
    // One compaction per loaded document at most waits; more rooms than this are not loaded.
    maxQueued: 10_000,
    memoryLimitMb: config.workers.memoryLimitMb,
    youngGenerationMb: config.workers.youngGenerationMb,
    jobTimeoutMs: 60_000,
    idleTimeoutMs: 60_000,
    retryAfterSeconds: 1,
    log,
  })
}

/**
 * The analyses' pool: a worker per analysis allowed at once (DocumentAnalyses queues the
 * rest), each keeping its memory indexes while analyses keep coming, like the editor's lookup.
 */
function openAnalysisPool(config: ServerConfig, log: Logger): WorkerPool<AnalysisJobs> {
  return new WorkerPool<AnalysisJobs>({
    jobs: ANALYSIS_JOBS,
    // With imports on the event loop (a benchmark), analyses are too.
    size: config.workers.size === 0 ? 0 : RUNNING_ANALYSES,
    maxQueued: 0,
    memoryLimitMb: config.workers.memoryLimitMb,
    youngGenerationMb: config.workers.youngGenerationMb,
    jobTimeoutMs: config.workers.jobTimeoutMs,
    idleTimeoutMs: ANALYSIS_WORKER_IDLE_MS,
    retryAfterSeconds: 1,
    log,
  })
}

/** A compaction's snapshot, encoded in the compactions' worker. */
async function encodeSnapshotInPool(
  pool: WorkerPool<SnapshotJobs>,
  stored: LoadedDocument,
): Promise<Uint8Array> {
  const slot = pool.admit()
  try {
    return await slot.run('encodeSnapshot', stored)
  } finally {
    slot.release()
  }
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', ''])
const SESSION_SWEEP_MS = 60 * 60 * 1000

/**
 * The sync server's gate: a live session from the cookie (whose one-time password has been
 * changed), then membership of the project, then a document that is not in the bin.
 */
function admitBySession(auth: AuthStore, store: DocumentStore) {
  return async (request: IncomingMessage, documentId: string): Promise<Admission> => {
    const sessionToken = readSessionToken(request.headers.cookie)
    const user = sessionToken ? (await auth.findSession(sessionToken))?.user : undefined
    if (!sessionToken || !user || user.mustChangePassword) return { kind: 'unauthenticated' }
    const access = await documentAccess(auth, user, documentId)
    // A deleted document's room may still be loaded (it unloads after a delay): ask the store.
    if (!access || !(await store.getDocument(documentId))) return { kind: 'not_found' }
    return {
      kind: 'admitted',
      peer: { userId: user.id, ...access },
      sessionHash: hashSessionToken(sessionToken),
    }
  }
}

export async function startServer(
  overrides: Partial<ServerConfig> = {},
  benchmarkOnly?: BenchmarkOnlyOptions,
): Promise<RunningServer> {
  const config: ServerConfig = { ...defaultConfig, ...overrides }
  const log = config.logger
  // Migrations run before anything reads a table; a database from a newer release stops
  // the start here rather than being written with an older idea of its schema.
  const database = await openDatabase(databaseLocation(config), {
    log,
    migrate: true,
    clearStagedImports: true,
  })
  const { store, auth, audit, segmentation, glossaries, knownDevices } = database
  // Every write into a memory reaches the match lookup's indexes (and pages waiting for it).
  const lookup = new MatchLookup(database.tm)
  const tm = reportingWrites(database.tm, (memoryId) => lookup.noteWrite(memoryId))
  await auth.deleteExpiredSessions()
  await purgeDeleted({ store, auth, tm, log })
  const sweep = setInterval(() => {
    auth.deleteExpiredSessions().catch((error: unknown) => {
      // Expired sessions already read as absent; sweeping again next hour is enough.
      log.error('auth.session_sweep_failed', { error })
    })
    purgeDeleted({ store, auth, tm, log }).catch((error: unknown) => {
      // What was due stays in the bin, invisible as before; the next sweep purges it.
      log.error('documents.purge_failed', { error })
    })
  }, SESSION_SWEEP_MS)
  sweep.unref()
  const pool = new WorkerPool<ServerJobs>({
    jobs: SERVER_JOBS,
    ...config.workers,
    retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
    log,
  })
  const snapshotPool = openSnapshotPool(config, log)
  const analysisPool = openAnalysisPool(config, log)
  // The sync server exists only once the HTTP server does; the routes reach it through this.
  let sync: SyncServer | null = null
  const applyAccessChange = (change: AccessChange) => {
    switch (change.kind) {
      case 'endSession':
        return sync?.endSession(change.sessionHash)
      case 'changeAccess':
        return sync?.changeAccess(change.userId, change.projectId)
      case 'endUser':
        return sync?.endUser(change.userId)
      case 'closeDocument':
        return sync?.closeDocument(change.documentId)
    }
  }
  // Gauges are read when scraped, once the rooms and the fan-out below exist.
  const metrics = createServerMetrics({
    roomsOpen: () => rooms.openCount,
    connections: () => sync?.connectionCount ?? 0,
    ...(config.redisUrl && { redisConnected: () => (fanOut?.isReady() ? 1 : 0) }),
  })
  // Loaded only when scaled out: ioredis would hold a few MB of every lone process.
  const fanOut = config.redisUrl
    ? new (await import('./pubsub/index.ts')).RedisFanOut({
        url: config.redisUrl,
        prefix: config.redisPrefix,
        log,
        heartbeatMs: config.redisHeartbeatMs,
        processTtlMs: config.redisProcessTtlMs,
        onAccessChange: applyAccessChange,
        publishLatency: metrics.publishLatency,
      })
    : null
  /** An access change here, then in every other process. */
  const changeAccess = (change: AccessChange) => {
    applyAccessChange(change)
    fanOut?.publishAccess(change)
  }
  const rooms = new RoomRegistry({
    store,
    log,
    authorize: benchmarkOnly?.authorize ?? judgeByRole,
    recordStatusChanges: inOrder(
      auditStatusChanges(audit),
      rememberApprovedSegments({ tm, auth, log }),
    ),
    // Typing that got into an approved text: the audit says so, the memory unit takes the text.
    recordLateTyping: inOrder(auditLateTyping(audit), rememberLateTyping({ tm, auth, log })),
    unloadDelayMs: config.unloadDelayMs,
    compactEveryUpdates: config.compactEveryUpdates,
    encodeSnapshot: (stored) => encodeSnapshotInPool(snapshotPool, stored),
    prepareSnapshotEncoding: () => snapshotPool.warm(),
    progressDelayMs: config.progressDelayMs,
    encodeExportView: encodeKeptDocumentView,
    limits: config.contentLimits,
    fanOut: fanOut ?? undefined,
    metrics,
  })
  const access: LiveAccess = {
    endSession: (sessionToken) =>
      changeAccess({ kind: 'endSession', sessionHash: hashSessionToken(sessionToken) }),
    changeAccess: (userId, projectId) => changeAccess({ kind: 'changeAccess', userId, projectId }),
    endUser: (userId) => changeAccess({ kind: 'endUser', userId }),
    closeDocument: (documentId) => changeAccess({ kind: 'closeDocument', documentId }),
  }
  const app = createApp({
    access,
    store,
    auth,
    audit,
    segmentation,
    tm,
    lookup,
    analyses: new DocumentAnalyses({ lookup, pool: analysisPool, database: database.location }),
    importJobs: new ImportJobs(),
    throttle: new LoginThrottle(config.loginThrottle),
    knownDevices,
    glossaries,
    sessionTtlMs: config.sessionTtlMs,
    passwordCost: config.passwordCost,
    live: rooms,
    log,
    maxUploadBytes: config.maxUploadBytes,
    imports: new ImportQueue(pool, log),
    clientDir: config.clientDir,
    readiness: {
      probeWritable: () => database.probeWritable(),
      migrationStatus: () => database.migrationStatus(),
      ...(fanOut && { isFanOutReady: () => fanOut.isReady() }),
    },
    metrics: { render: metrics.render, token: config.metricsToken },
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
  })
  const httpServer = createServer(
    {
      // Half-sent requests: headers must arrive within headersTimeout and the whole request
      // (an upload included) within requestTimeout, or the socket is answered 408 and closed.
      headersTimeout: Math.min(config.headersTimeoutMs, config.requestTimeoutMs),
      requestTimeout: config.requestTimeoutMs,
      // How often those deadlines are checked; the default (30 s) would let them overrun.
      connectionsCheckingInterval: Math.min(1000, config.headersTimeoutMs),
    },
    app,
  )
  // Connections past the cap are dropped on accept; open WebSockets count against it too.
  httpServer.maxConnections = config.maxConnections
  /** WebSockets a cluster's proxy handed to this process (see cluster/handOff.ts). */
  const adopted = new Set<Socket>()
  const attached = attachSyncServer(httpServer, {
    rooms,
    log,
    admit: admitBySession(auth, store),
    allowedOrigins: config.allowedOrigins,
    maxMessageBytes: config.maxMessageBytes,
    limits: config.contentLimits,
    pingIntervalMs: config.pingIntervalMs,
    onRefused: metrics.updateRefused,
  })
  sync = attached

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject)
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject)
      resolve()
    })
  })
  const { port } = httpServer.address() as AddressInfo
  const host = WILDCARD_HOSTS.has(config.host) ? '127.0.0.1' : config.host
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  log.info('server.listening', { url, database: describeLocation(database.location) })

  const isFirstRun = (await auth.listUsers()).length === 0

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    isFirstRun,
    adoptUpgrade(request, socket, head) {
      // Until the sync server takes it (and listens for its errors itself).
      socket.on('error', () => socket.destroy())
      if (closing) {
        socket.destroy()
        return
      }
      // A handed socket never passed this server's accept: it counts against the same cap.
      httpServer.getConnections((error, accepted) => {
        if (error || closing || accepted + adopted.size >= config.maxConnections) {
          socket.destroy()
          return
        }
        adopted.add(socket)
        socket.once('close', () => adopted.delete(socket))
        httpServer.emit('upgrade', request, socket, head)
      })
    },
    close() {
      closing ??= (async () => {
        const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()))
        await attached.close()
        // Jobs still running fail and their requests answer before the store closes under them.
        await pool.close()
        await analysisPool.close()
        httpServer.closeAllConnections()
        for (const socket of adopted) socket.destroy()
        await httpClosed
        clearInterval(sweep)
        await rooms.unloadAll()
        // After the rooms: a compaction under way finishes before its thread ends.
        await snapshotPool.close()
        await fanOut?.stop()
        lookup.close()
        await database.close()
      })()
      return closing
    },
  }
}
