import { z } from 'zod'
import { postgresUrl } from '../config.ts'

/** How `npm run start:cluster` runs: processes it supervises, or backends someone else runs. */
export interface ClusterConfig {
  /** The proxy's port (0 picks a free one) and address. */
  port: number
  host: string
  /**
   * `supervise`: start `processes` servers on `basePort`, `basePort + 1`… (0: any free
   * port each). `proxy`: route to servers others run (systemd units, compose services).
   */
  mode:
    { kind: 'supervise'; processes: number; basePort: number } | { kind: 'proxy'; backends: URL[] }
  /** Time between two `/healthz` probes of each process. */
  healthIntervalMs: number
  /** A process that has not answered `/healthz` for this long is killed and started again. */
  hungAfterMs: number
  /** How long shutdown waits for a process to finish after SIGTERM before SIGKILL. */
  stopGraceMs: number
}

/** A configuration the cluster refuses to start with; the message says what to set. */
export class ClusterConfigError extends Error {
  override name = 'ClusterConfigError'
}

const redisUrl = z
  .string()
  .refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), {
    message: 'expected a redis:// or rediss:// URL',
  })

const backendUrl = z
  .string()
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'http:', {
    message: 'expected http:// URLs',
  })
  .transform((value) => new URL(value))

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.union([z.literal('').transform(() => undefined), postgresUrl]).optional(),
  REDIS_URL: z.union([z.literal('').transform(() => undefined), redisUrl]).optional(),
  CLUSTER_PROCESSES: z.coerce.number().int().min(1).max(64).optional(),
  CLUSTER_BASE_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  CLUSTER_BACKENDS: z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(backendUrl).min(1))
    .optional(),
  CLUSTER_HEALTH_INTERVAL_MS: z.coerce.number().int().min(50).optional(),
  CLUSTER_HUNG_AFTER_MS: z.coerce.number().int().min(1000).optional(),
  CLUSTER_STOP_GRACE_MS: z.coerce.number().int().min(0).optional(),
})

const argsSchema = z.object({ processes: z.coerce.number().int().min(1).max(64).optional() })

/** `--processes N` or `--processes=N`; anything else is refused. */
function readArgs(argv: readonly string[]): z.infer<typeof argsSchema> {
  const values: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const match = /^--(processes)(?:=(.*))?$/.exec(arg)
    if (!match) throw new ClusterConfigError(`unknown argument ${arg} (expected --processes N)`)
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new ClusterConfigError(`--${match[1]} needs a value`)
    values[match[1]!] = value
  }
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) throw new ClusterConfigError('--processes takes a whole number from 1 to 64')
  return parsed.data
}

const DEFAULT_PORT = 8080
const DEFAULT_PROCESSES = 3

/**
 * The cluster's configuration from the environment and the command line. Throws a
 * ZodError naming a bad variable, or a ClusterConfigError when the setup cannot work:
 * several processes on one SQLite file would each keep their own copy of a document in
 * memory and write over one another, so a cluster needs PostgreSQL (`DATABASE_URL`) and
 * Redis (`REDIS_URL`, through which the processes pass each other's updates).
 */
export function clusterConfigFromEnv(
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
): ClusterConfig {
  const parsed = envSchema.parse(env)
  const args = readArgs(argv)
  const port = parsed.PORT ?? DEFAULT_PORT
  const timing = {
    healthIntervalMs: parsed.CLUSTER_HEALTH_INTERVAL_MS ?? 1000,
    hungAfterMs: parsed.CLUSTER_HUNG_AFTER_MS ?? 30_000,
    stopGraceMs: parsed.CLUSTER_STOP_GRACE_MS ?? 30_000,
  }
  const host = parsed.HOST ?? '127.0.0.1'
  if (parsed.CLUSTER_BACKENDS) {
    if (args.processes !== undefined) {
      throw new ClusterConfigError(
        '--processes starts servers; CLUSTER_BACKENDS names running ones: choose one',
      )
    }
    return { port, host, mode: { kind: 'proxy', backends: parsed.CLUSTER_BACKENDS }, ...timing }
  }
  if (!parsed.DATABASE_URL) {
    throw new ClusterConfigError(
      'A cluster needs PostgreSQL: set DATABASE_URL=postgres://… (several processes cannot share ' +
        'the SQLite file; run `npm start` for a single server on SQLite).',
    )
  }
  if (!parsed.REDIS_URL) {
    throw new ClusterConfigError(
      "A cluster needs Redis: set REDIS_URL=redis://… (the processes pass each document's " +
        'updates to one another through it).',
    )
  }
  const processes = args.processes ?? parsed.CLUSTER_PROCESSES ?? DEFAULT_PROCESSES
  // The servers sit just above the proxy's port unless told otherwise; a proxy on a free
  // port (0) puts them on free ports too.
  const basePort = parsed.CLUSTER_BASE_PORT ?? (port === 0 ? 0 : port + 1)
  if (basePort !== 0 && basePort + processes - 1 > 65535) {
    throw new ClusterConfigError(`ports ${basePort}… leave no room for ${processes} processes`)
  }
  return { port, host, mode: { kind: 'supervise', processes, basePort }, ...timing }
}
