import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import {
  DEFAULT_COST,
  DEFAULT_LOGIN_THROTTLE,
  SESSION_TTL_MS,
  type LoginThrottleOptions,
  type ScryptCost,
} from './auth/index.ts'
import type { DatabaseLocation } from './database/index.ts'
import { stderrLogger, type Logger } from './logging/index.ts'
import { DEFAULT_CONTENT_LIMITS, type ContentLimits } from './sync/validation/index.ts'

export interface ServerConfig {
  /** 0 picks a free port. */
  port: number
  host: string
  dataDir: string
  /**
   * `postgres://…` puts every store in PostgreSQL (from `DATABASE_URL`); null keeps them in
   * the SQLite file inside `dataDir`.
   */
  databaseUrl: string | null
  maxUploadBytes: number
  /** The built client; served with an SPA fallback when it exists. */
  clientDir: string
  /** How long a room stays loaded after its last connection leaves. */
  unloadDelayMs: number
  /** Fold a document's update log into a snapshot after this many updates. */
  compactEveryUpdates: number
  /** WebSocket messages larger than this close the connection with 1009. */
  maxMessageBytes: number
  /** What one update, one segment's target and one document may hold (sync validation). */
  contentLimits: ContentLimits
  /** Quiet time after a change before a room writes its progress to the store. */
  progressDelayMs: number
  pingIntervalMs: number
  /**
   * Browser origins besides the server's own that may open a sync WebSocket (e.g. a dev
   * server on another port). Anything else is refused: cross-site WebSocket hijacking.
   */
  allowedOrigins: string[]
  /**
   * Proxies whose `X-Forwarded-For` names the client (Express's `trust proxy`: addresses,
   * subnets, or `loopback`, `linklocal`, `uniquelocal`); empty trusts none. The login
   * throttle counts failures per address, which behind a proxy is the proxy's own.
   */
  trustProxy: string[]
  /**
   * `redis://…`: several processes serve the same documents, fanning updates, presence and
   * access changes out through Redis (from `REDIS_URL`); null for a single process.
   */
  redisUrl: string | null
  /** Put before every Redis key and channel (`REDIS_PREFIX`), so installations sharing one stay apart. */
  redisPrefix: string
  /** How often a process renews its heartbeat in Redis; presence of a silent one expires. */
  redisHeartbeatMs: number
  /** A process whose heartbeat is this old counts as dead: its clients' presence is removed. */
  redisProcessTtlMs: number
  /** Bearer token `/metrics` asks for (`METRICS_TOKEN`); null serves it to loopback only. */
  metricsToken: string | null
  /** How long a login lasts. */
  sessionTtlMs: number
  /** How failed logins slow the attempts after them (per account, address and known device). */
  loginThrottle: LoginThrottleOptions
  /** scrypt parameters of new password hashes (`PASSWORD_SCRYPT_N`); older hashes are upgraded at login. */
  passwordCost: ScryptCost
  /** A request whose headers have not all arrived after this long is answered 408. */
  headersTimeoutMs: number
  /** A request (its body included) not complete after this long is answered 408. */
  requestTimeoutMs: number
  /** Open TCP connections (HTTP and WebSocket) at most; further ones are dropped. */
  maxConnections: number
  /** The worker threads that decode, segment and align uploads off the event loop. */
  workers: WorkerSettings
  logger: Logger
}

export interface WorkerSettings {
  /** Threads for imports, previews and alignments; 0 runs them on the event loop (benchmark only). */
  size: number
  /** Uploads beyond the running ones that may wait; the next is answered 503 `import.busy`. */
  maxQueued: number
  /** Heap limit of each worker; an import needing more fails with `import.too_complex`. */
  memoryLimitMb: number
  /** A job running longer is stopped and fails with `import.failed`. */
  jobTimeoutMs: number
  /** An idle worker exits after this long, giving back the memory a large import grew. */
  idleTimeoutMs: number
  /** A worker whose heap a job grew past this many MB exits at once instead. */
  retireAboveHeapMb: number
  /** V8's young generation of each worker (MB): its garbage is resident until collected. */
  youngGenerationMb: number
}

const MB = 1024 * 1024

/**
 * The SQLite file inside `dataDir` that holds documents, accounts and the audit log. The
 * server, the CLI and the tests all open it through here, so they cannot drift apart.
 */
export function databaseFile(dataDir: string): string {
  return join(dataDir, 'qalam.sqlite')
}

/** Where the installation's database is, as the server and the CLI read the config. */
export function databaseLocation(config: {
  dataDir: string
  databaseUrl: string | null
}): DatabaseLocation {
  return config.databaseUrl
    ? { engine: 'postgres', url: config.databaseUrl }
    : { engine: 'sqlite', file: databaseFile(config.dataDir) }
}

/** A PostgreSQL connection URL; anything else (a typo'd scheme, a file path) is refused. */
export const postgresUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^postgres(ql)?:$/.test(new URL(value).protocol), {
    message: 'expected a postgres:// or postgresql:// URL',
  })

export const defaultConfig: ServerConfig = {
  port: 8080,
  host: '127.0.0.1',
  dataDir: './data',
  databaseUrl: null,
  maxUploadBytes: 20 * MB,
  clientDir: 'client/dist',
  unloadDelayMs: 10_000,
  compactEveryUpdates: 500,
  maxMessageBytes: 10 * MB,
  contentLimits: DEFAULT_CONTENT_LIMITS,
  progressDelayMs: 1_000,
  pingIntervalMs: 30_000,
  allowedOrigins: [],
  trustProxy: [],
  redisUrl: null,
  redisPrefix: 'qalam:',
  redisHeartbeatMs: 1_000,
  redisProcessTtlMs: 3_000,
  metricsToken: null,
  sessionTtlMs: SESSION_TTL_MS,
  loginThrottle: DEFAULT_LOGIN_THROTTLE,
  passwordCost: DEFAULT_COST,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 120_000,
  maxConnections: 2_000,
  workers: {
    // One core for the event loop (HTTP, sockets, SQLite), the rest for imports: one worker on
    // the 2-core machines libraries give us, at most four.
    size: Math.max(1, Math.min(4, availableParallelism() - 1)),
    // 32 queued 20 MB uploads are at most 640 MB held at once.
    maxQueued: 32,
    // A 20 MB Russian text (135,000 segments) peaks near 1 GB while its Y.Doc is built.
    memoryLimitMb: 2_048,
    jobTimeoutMs: 10 * 60_000,
    idleTimeoutMs: 60_000,
    // A worker starts at ~30 MB of heap; a 10,000-segment DOCX import leaves it near 200.
    retireAboveHeapMb: 96,
    // V8's default lets a worker's young generation grow to 48 MB, resident on top of what a
    // job holds: an export writing 10,000 segments peaked 22-27 MB lower at 16, as fast.
    youngGenerationMb: 16,
  },
  logger: stderrLogger,
}

const proxyAddress = z
  .string()
  .regex(/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/, {
    message: 'expected addresses, subnets or loopback, linklocal, uniquelocal',
  })

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).optional(),
  // Empty reads as unset, as `DATABASE_URL=` in a shell or a compose file means.
  DATABASE_URL: z.union([z.literal('').transform(() => undefined), postgresUrl]).optional(),
  REDIS_URL: z
    .union([
      z.literal('').transform(() => undefined),
      z
        .string()
        .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), {
          message: 'expected a redis:// or rediss:// URL',
        }),
    ])
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,64}$/, 'letters, digits and _ : . - only, at most 64')
    .optional(),
  // A power of two: 2^15 by default (about 50 ms a login); more for stronger hashes.
  PASSWORD_SCRYPT_N: z.coerce
    .number()
    .int()
    .min(2 ** 10)
    .max(2 ** 20)
    .refine((n) => (n & (n - 1)) === 0, { message: 'expected a power of two' })
    .optional(),
  METRICS_TOKEN: z.string().min(16, 'at least 16 characters').max(256).optional(),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().optional(),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  MAX_CONNECTIONS: z.coerce.number().int().positive().optional(),
  IMPORT_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  IMPORT_QUEUE: z.coerce.number().int().min(0).max(10_000).optional(),
  IMPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(32).max(65_536).optional(),
  IMPORT_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  MAX_UPDATE_ITEMS: z.coerce.number().int().positive().optional(),
  MAX_SEGMENT_CHARS: z.coerce.number().int().positive().optional(),
  MAX_SEGMENT_NODES: z.coerce.number().int().positive().optional(),
  MAX_DOCUMENT_CHARS: z.coerce.number().int().positive().optional(),
  ALLOWED_ORIGINS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ }).transform((origin) => new URL(origin).origin)))
    .optional(),
  TRUST_PROXY: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(proxyAddress))
    .optional(),
})

const isSet = (value: number | undefined) => value !== undefined

/** The config the environment asks for; throws a ZodError naming any bad variable. */
export function configFromEnv(env: NodeJS.ProcessEnv): Partial<ServerConfig> {
  const parsed = envSchema.parse(env)
  const config: Partial<ServerConfig> = {}
  if (parsed.PORT !== undefined) config.port = parsed.PORT
  if (parsed.HOST !== undefined) config.host = parsed.HOST
  if (parsed.DATA_DIR !== undefined) config.dataDir = parsed.DATA_DIR
  if (parsed.DATABASE_URL !== undefined) config.databaseUrl = parsed.DATABASE_URL
  if (parsed.REDIS_URL !== undefined) config.redisUrl = parsed.REDIS_URL
  if (parsed.REDIS_PREFIX !== undefined) config.redisPrefix = parsed.REDIS_PREFIX
  if (parsed.PASSWORD_SCRYPT_N !== undefined)
    config.passwordCost = { ...DEFAULT_COST, N: parsed.PASSWORD_SCRYPT_N }
  if (parsed.METRICS_TOKEN !== undefined) config.metricsToken = parsed.METRICS_TOKEN
  if (parsed.MAX_UPLOAD_BYTES !== undefined) config.maxUploadBytes = parsed.MAX_UPLOAD_BYTES
  if (parsed.ALLOWED_ORIGINS !== undefined) config.allowedOrigins = parsed.ALLOWED_ORIGINS
  if (parsed.TRUST_PROXY !== undefined) config.trustProxy = parsed.TRUST_PROXY
  if (parsed.HEADERS_TIMEOUT_MS !== undefined) config.headersTimeoutMs = parsed.HEADERS_TIMEOUT_MS
  if (parsed.REQUEST_TIMEOUT_MS !== undefined) config.requestTimeoutMs = parsed.REQUEST_TIMEOUT_MS
  if (parsed.MAX_CONNECTIONS !== undefined) config.maxConnections = parsed.MAX_CONNECTIONS
  const { IMPORT_WORKERS, IMPORT_QUEUE, IMPORT_WORKER_MEMORY_MB, IMPORT_TIMEOUT_MS } = parsed
  if ([IMPORT_WORKERS, IMPORT_QUEUE, IMPORT_WORKER_MEMORY_MB, IMPORT_TIMEOUT_MS].some(isSet)) {
    const workers = defaultConfig.workers
    config.workers = {
      ...workers,
      size: IMPORT_WORKERS ?? workers.size,
      maxQueued: IMPORT_QUEUE ?? workers.maxQueued,
      memoryLimitMb: IMPORT_WORKER_MEMORY_MB ?? workers.memoryLimitMb,
      jobTimeoutMs: IMPORT_TIMEOUT_MS ?? workers.jobTimeoutMs,
    }
  }
  const { MAX_UPDATE_ITEMS, MAX_SEGMENT_CHARS, MAX_SEGMENT_NODES, MAX_DOCUMENT_CHARS } = parsed
  if ([MAX_UPDATE_ITEMS, MAX_SEGMENT_CHARS, MAX_SEGMENT_NODES, MAX_DOCUMENT_CHARS].some(Boolean)) {
    config.contentLimits = {
      maxUpdateItems: MAX_UPDATE_ITEMS ?? DEFAULT_CONTENT_LIMITS.maxUpdateItems,
      maxSegmentChars: MAX_SEGMENT_CHARS ?? DEFAULT_CONTENT_LIMITS.maxSegmentChars,
      maxSegmentNodes: MAX_SEGMENT_NODES ?? DEFAULT_CONTENT_LIMITS.maxSegmentNodes,
      maxDocumentChars: MAX_DOCUMENT_CHARS ?? DEFAULT_CONTENT_LIMITS.maxDocumentChars,
    }
  }
  return config
}
