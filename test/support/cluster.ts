import * as Y from 'yjs'
import { openPostgresPool } from '../../server/postgres/index.ts'
import { createPostgresDocumentStore, replayDocument } from '../../server/storage/index.ts'
import { createTestSchema, type TestSchema } from './postgres.ts'
import { deleteKeys, REDIS_URL, uniquePrefix } from './redis.ts'
import { spawnServer, type ServerProcess } from './serverProcess.ts'
import { makeTempDir, type TempDir } from './tempDir.ts'

/** Several real server processes on one PostgreSQL schema and one Redis key prefix. */
export interface Cluster {
  schema: TestSchema
  prefix: string
  redisUrl: string
  /** The processes, by index; a killed one stays in place (dead). */
  servers: ServerProcess[]
  /** The schema's URL the servers store in (through a proxy when one was given). */
  databaseUrl: string
  /** Starts one more process like the others, on `port` when given. */
  spawn(port?: number): Promise<ServerProcess>
  /** The document as PostgreSQL has it now: snapshot plus log, replayed. */
  storedDocument(documentId: string): Promise<Y.Doc>
  dispose(): Promise<void>
}

export interface ClusterOptions {
  processes: number
  label: string
  redisUrl?: string
  /** Turns the schema's URL into the one the servers use (e.g. through a TCP proxy). */
  databaseUrlFor?: (schemaUrl: string) => string
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const schema = await createTestSchema(options.label)
  const prefix = uniquePrefix(options.label)
  const redisUrl = options.redisUrl ?? REDIS_URL
  const databaseUrl = options.databaseUrlFor?.(schema.url) ?? schema.url
  const dirs: TempDir[] = []
  const servers: ServerProcess[] = []
  const spawn = async (port?: number) => {
    const dir = await makeTempDir('qalam-cluster-')
    dirs.push(dir)
    const server = await spawnServer({
      DATA_DIR: dir.path,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      ...(port !== undefined && { PORT: port }),
    })
    servers.push(server)
    return server
  }
  // Migrations take an advisory lock per schema: the processes may all start at once.
  await Promise.all(Array.from({ length: options.processes }, () => spawn()))
  return {
    schema,
    prefix,
    redisUrl,
    servers,
    databaseUrl,
    spawn,
    async storedDocument(documentId) {
      const pool = openPostgresPool(schema.url, () => undefined)
      try {
        const stored = await createPostgresDocumentStore(pool).loadDocument(documentId)
        if (!stored) throw new Error(`no document ${documentId} in PostgreSQL`)
        return replayDocument(stored)
      } finally {
        await pool.end()
      }
    },
    async dispose() {
      await Promise.all(servers.map((server) => server.kill9()))
      await Promise.all(dirs.map((dir) => dir.remove()))
      await schema.drop()
      await deleteKeys(redisUrl, prefix).catch(() => undefined)
    },
  }
}

/** Whether applying `update` to `doc` would add nothing (everything in it is in `doc`). */
export function holdsAll(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  let changed = false
  copy.on('update', () => (changed = true))
  Y.applyUpdate(copy, update)
  // Structs waiting for ones the doc lacks are missing too, though applying them changed nothing.
  const waiting = copy.store.pendingStructs !== null || copy.store.pendingDs !== null
  copy.destroy()
  return !changed && !waiting
}
