// npm run bench -- load: cold load of a generated 10,000-segment document on the server, the
// database size it takes, and how long until the first segment is editable in Chromium.
import { statSync, existsSync } from 'node:fs'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { startServer } from '../../server/app.ts'
import { databaseFile } from '../../server/config.ts'
import { createJsonLogger } from '../../server/logging/index.ts'
import { openSqliteDocumentStore, replayDocument } from '../../server/storage/index.ts'
import { MessageType, SyncType, writeSyncStep1 } from '../../server/sync/protocol.ts'
import type { Session } from '../support/accounts.ts'
import { connectClient, syncUrl } from '../support/syncClient.ts'
import { makeTempDir } from '../support/tempDir.ts'
import {
  CLIENT_DIR,
  assertClientBuilt,
  launchChromium,
  openAs,
  targetCell,
} from '../e2e/browser.ts'
import { generateDocument } from '../support/generateDocument.ts'
import { createWorkspace } from '../support/workspace.ts'

const SEGMENTS = 10_000
const RUNS = 5

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

const round = (ms: number) => Math.round(ms * 10) / 10

/** The median of the runs, and the first run (the one with the coldest JIT and caches). */
function figures(values: number[]): { median: number; first: number } {
  return { median: round(median(values)), first: round(values[0] ?? NaN) }
}

/** Connect to `/sync/<documentId>` as a client with nothing and time until the SyncStep2 arrives. */
function timeFullState(serverUrl: string, documentId: string, session: Session): Promise<number> {
  const start = performance.now()
  const socket = new WebSocket(`${syncUrl(serverUrl)}/${encodeURIComponent(documentId)}`, {
    headers: { cookie: session.cookie },
  })
  return new Promise((resolve, reject) => {
    socket.on('open', () => socket.send(writeSyncStep1(new Y.Doc())))
    socket.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.Sync) return
      if (decoding.readVarUint(decoder) !== SyncType.Step2) return
      resolve(performance.now() - start)
      socket.close()
    })
    socket.on('error', reject)
  })
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0
}

assertClientBuilt()
const dir = await makeTempDir('qalam-bench-load-')
const quiet = { logger: createJsonLogger(() => undefined) }
try {
  const text = generateDocument(SEGMENTS)
  let server = await startServer({ port: 0, dataDir: dir.path, clientDir: CLIENT_DIR, ...quiet })
  // Sessions live in the database, so the administrator stays logged in across the restarts below.
  const database = databaseFile(dir.path)
  const workspace = await createWorkspace({ url: server.url, databaseFile: database })
  const imported = await workspace.importDocument({
    bytes: text,
    sourceLang: 'ru',
    targetLang: 'kk',
    title: 'load bench',
  })
  await server.close()
  const databaseBytes =
    fileSize(database) + fileSize(`${database}-wal`) + fileSize(`${database}-shm`)

  // What the server does on the first connection to a document it has not loaded yet, each run
  // with a freshly opened store as after a restart: read the stored state, then replay it.
  const storeLoads: number[] = []
  const replays: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const store = openSqliteDocumentStore(database)
    const start = performance.now()
    const stored = await store.loadDocument(imported.id)
    if (!stored) throw new Error('imported document not found')
    const loaded = performance.now()
    replayDocument(stored).destroy()
    storeLoads.push(loaded - start)
    replays.push(performance.now() - loaded)
    await store.close()
  }
  const storeLoadAndReplay = storeLoads.map((load, run) => load + replays[run]!)

  // Cold load as a client sees it: a fresh server process state, connect, wait for the whole
  // document. A raw socket times the server's part (until the SyncStep2 arrives); a y-websocket
  // client adds decoding and applying it.
  const fullStates: number[] = []
  const firstSyncs: number[] = []
  for (let run = 0; run < RUNS; run++) {
    server = await startServer({ port: 0, dataDir: dir.path, clientDir: CLIENT_DIR, ...quiet })
    fullStates.push(await timeFullState(server.url, imported.id, workspace.admin))
    await server.close()
    server = await startServer({ port: 0, dataDir: dir.path, clientDir: CLIENT_DIR, ...quiet })
    const start = performance.now()
    const client = connectClient(server.url, imported.id, workspace.admin)
    await client.synced()
    firstSyncs.push(performance.now() - start)
    client.destroy()
    await server.close()
  }

  // First editable segment in Chromium, each run in a fresh browser profile, room cold.
  const firstEditable: number[] = []
  const firstRows: number[] = []
  const connected: number[] = []
  const synced: number[] = []
  const browser = await launchChromium()
  try {
    for (let run = 0; run < RUNS; run++) {
      server = await startServer({ port: 0, dataDir: dir.path, clientDir: CLIENT_DIR, ...quiet })
      const page = await openAs(browser, workspace.admin, 'en', server.url)
      const start = performance.now()
      await page.goto(`${server.url}/documents/${imported.id}`)
      await page.locator(targetCell(0)).waitFor()
      firstRows.push(performance.now() - start)
      await page.locator(targetCell(0)).click()
      await page.locator(`${targetCell(0)} [contenteditable="true"]`).waitFor()
      firstEditable.push(performance.now() - start)
      // Marks the document session sets (client/workbench/DocumentSession.ts), since navigation.
      const marks = await page.evaluate(() =>
        Object.fromEntries(
          performance.getEntriesByType('mark').map((mark) => [mark.name, mark.startTime]),
        ),
      )
      connected.push(marks['qalam:document-connected'] ?? NaN)
      synced.push(marks['qalam:document-synced'] ?? NaN)
      await page.context().close()
      await server.close()
    }
  } finally {
    await browser.close()
  }

  const result = {
    bench: 'load',
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, node: process.version },
    document: { segments: imported.segments, sourceBytes: Buffer.byteLength(text) },
    databaseBytes,
    serverColdLoadMs: {
      storeLoadAndReplay: figures(storeLoadAndReplay),
      phases: { storeLoad: figures(storeLoads), replay: figures(replays) },
      connectToFullState: figures(fullStates),
      connectToSynced: figures(firstSyncs),
    },
    browser: {
      firstRowVisibleMs: figures(firstRows),
      firstSegmentEditableMs: figures(firstEditable),
      phasesSinceNavigationMs: {
        socketConnected: figures(connected),
        documentSynced: figures(synced),
      },
    },
    runs: RUNS,
    targets: { serverColdLoadMs: 300, firstSegmentEditableMs: 1500 },
  }
  console.log(JSON.stringify(result, null, 2))
} finally {
  await dir.remove()
}
