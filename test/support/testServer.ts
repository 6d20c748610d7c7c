import { join } from 'node:path'
import { startServer, type RunningServer, type ServerConfig } from '../../server/app.ts'
import { databaseFile } from '../../server/config.ts'
import { createJsonLogger } from '../../server/logging/index.ts'
import { makeTempDir, type TempDir } from './tempDir.ts'
import { TEST_PASSWORD_COST } from './passwordCost.ts'

export interface LogEntry {
  level: string
  event: string
  [field: string]: unknown
}

export interface TestServer extends RunningServer {
  dataDir: string
  /** Every log event the server wrote, parsed. */
  logs: LogEntry[]
  /** Path of the SQLite database, to inspect what was stored. */
  databaseFile: string
  /** The PostgreSQL the server stores in instead, when started with one. */
  databaseUrl: string | null
  /** Starts another server on the same data directory (after `close`). */
  restart(overrides?: Partial<ServerConfig>): Promise<TestServer>
  /** Closes the server and removes its data directory. */
  dispose(): Promise<void>
}

async function start(dir: TempDir, overrides: Partial<ServerConfig>): Promise<TestServer> {
  const logs: LogEntry[] = []
  const server = await startServer({
    port: 0,
    dataDir: dir.path,
    clientDir: join(dir.path, 'no-client-build'),
    unloadDelayMs: 60_000,
    progressDelayMs: 50,
    passwordCost: TEST_PASSWORD_COST,
    ...overrides,
    logger: createJsonLogger((line) => logs.push(JSON.parse(line) as LogEntry)),
  })
  return {
    ...server,
    dataDir: dir.path,
    logs,
    databaseFile: databaseFile(dir.path),
    databaseUrl: overrides.databaseUrl ?? null,
    restart: (next = overrides) => start(dir, next),
    async dispose() {
      await server.close()
      await dir.remove()
    },
  }
}

/** A real server on a random port with its own temporary data directory. */
export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  return start(await makeTempDir(), overrides)
}
