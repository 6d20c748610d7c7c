// npm run bench -- idle: resident memory of one server process at rest, then with one imported
// document open in one client, for our server run as TypeScript through tsx, our server built
// (server/dist, as `npm start` runs it) and y-websocket 1.5.4's reference server. Each figure
// is read once the process's memory has stopped moving (IDLE_SETTLE_MS between reads).
import * as Y from 'yjs'
import { buildServer } from '../../server/bundle/buildServer.ts'
import { createWorkspace } from '../support/workspace.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { generateDocument } from '../support/generateDocument.ts'
import type { Session } from '../support/accounts.ts'
import {
  rssMb,
  startOurServer,
  startReferenceServer,
  type ServerUnderTest,
} from './sync/servers.ts'

const SETTLE_MS = Number(process.env.IDLE_SETTLE_MS ?? 2000)
const SEGMENTS = 2000

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** RSS once two reads SETTLE_MS apart differ by under 1 MB (at most 10 reads). */
async function settledRssMb(server: ServerUnderTest): Promise<number> {
  let previous = rssMb(server)
  for (let read = 0; read < 10; read++) {
    await pause(SETTLE_MS)
    const now = rssMb(server)
    if (Math.abs(now - previous) < 1) return Math.round(now)
    previous = now
  }
  return Math.round(previous)
}

async function openedIn(serverUrl: string, id: string, session: Session | null) {
  const client: SyncClient = connectClient(serverUrl, id, { session })
  await client.synced()
  return client
}

async function measureOurs(built: boolean) {
  const server = await startOurServer(built ? 'built' : 'tsx', null, { built })
  try {
    const idleRssMb = await settledRssMb(server)
    const workspace = await createWorkspace(server)
    const session = await workspace.member('translator')
    const { id } = await workspace.importDocument({
      bytes: generateDocument(SEGMENTS),
      targetLang: 'kk',
    })
    // The import's worker thread stays for its idle timeout; this figure includes it.
    const afterImportRssMb = await settledRssMb(server)
    const client = await openedIn(server.url, id, session)
    const documentOpenRssMb = await settledRssMb(server)
    const state = Y.encodeStateAsUpdate(client.doc)
    client.destroy()
    return { idleRssMb, afterImportRssMb, documentOpenRssMb, state }
  } finally {
    await server.stop()
  }
}

async function measureReference(state: Uint8Array) {
  const server = await startReferenceServer()
  try {
    const idleRssMb = await settledRssMb(server)
    await server.seed('document', state)
    const client = await openedIn(server.url, 'document', null)
    const documentOpenRssMb = await settledRssMb(server)
    client.destroy()
    return { idleRssMb, documentOpenRssMb }
  } finally {
    await server.stop()
  }
}

await buildServer()
const tsx = await measureOurs(false)
const built = await measureOurs(true)
const reference = await measureReference(built.state)
const figures = ({ idleRssMb, afterImportRssMb, documentOpenRssMb }: typeof tsx) => ({
  idleRssMb,
  afterImportRssMb,
  documentOpenRssMb,
})
console.log(
  JSON.stringify(
    { segments: SEGMENTS, tsx: figures(tsx), built: figures(built), reference },
    null,
    2,
  ),
)
process.exit(0)
