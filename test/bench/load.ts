// npm run bench -- load: cold load of a generated 10,000-segment document on the server, the
// database size it takes, and how long until the first segment is editable in Chromium.
import { statSync, existsSync } from 'node:fs'
import { cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { startServer } from '../../server/app.ts'
import { databaseFile } from '../../server/config.ts'
import { createJsonLogger } from '../../server/logging/index.ts'
import { openSqliteDocumentStore, replayDocument } from '../../server/storage/index.ts'
import { connectClient } from '../support/syncClient.ts'
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

  // What the server does on the first connection to a document it has not loaded yet.
  const storeLoads: number[] = []
  const store = openSqliteDocumentStore(database)
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    const stored = await store.loadDocument(imported.id)
    if (!stored) throw new Error('imported document not found')
    replayDocument(stored).destroy()
    storeLoads.push(performance.now() - start)
  }
  await store.close()

  // Cold load as a client sees it: a fresh server process state, connect, wait for sync.
  const firstSyncs: number[] = []
  for (let run = 0; run < RUNS; run++) {
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
      storeLoadAndReplay: { median: round(median(storeLoads)), first: round(storeLoads[0]!) },
      connectToSynced: { median: round(median(firstSyncs)), first: round(firstSyncs[0]!) },
    },
    browser: {
      firstRowVisibleMs: { median: round(median(firstRows)), first: round(firstRows[0]!) },
      firstSegmentEditableMs: {
        median: round(median(firstEditable)),
        first: round(firstEditable[0]!),
      },
    },
    runs: RUNS,
    targets: { serverColdLoadMs: 300, firstSegmentEditableMs: 1500 },
  }
  console.log(JSON.stringify(result, null, 2))
} finally {
  await dir.remove()
}
