import { mkdir } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { defaultConfig, type ServerConfig } from './config.ts'
import { createApp } from './http/index.ts'
import { openSqliteDocumentStore } from './storage/index.ts'
import { RoomRegistry, attachSyncServer } from './sync/index.ts'

export type { ServerConfig } from './config.ts'

export interface RunningServer {
  /** `http://127.0.0.1:PORT` (a wildcard host is reported as loopback). */
  url: string
  port: number
  /** Closes connections, compacts and unloads open rooms, closes the store. */
  close(): Promise<void>
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', ''])

export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config: ServerConfig = { ...defaultConfig, ...overrides }
  const log = config.logger
  await mkdir(config.dataDir, { recursive: true })
  const store = openSqliteDocumentStore(join(config.dataDir, 'qalam.sqlite'))
  const rooms = new RoomRegistry({
    store,
    log,
    unloadDelayMs: config.unloadDelayMs,
    compactEveryUpdates: config.compactEveryUpdates,
    progressDelayMs: config.progressDelayMs,
  })
  const app = createApp({
    store,
    live: rooms,
    log,
    maxUploadBytes: config.maxUploadBytes,
    clientDir: config.clientDir,
  })
  const httpServer = createServer(app)
  const sync = attachSyncServer(httpServer, {
    rooms,
    log,
    maxMessageBytes: config.maxMessageBytes,
    pingIntervalMs: config.pingIntervalMs,
  })

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
  log.info('server.listening', { url, dataDir: config.dataDir })

  let closing: Promise<void> | null = null
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()))
        await sync.close()
        httpServer.closeAllConnections()
        await httpClosed
        await rooms.unloadAll()
        await store.close()
      })()
      return closing
    },
  }
}
