import { performance } from 'node:perf_hooks'
import { readSegments, setStatus, setTargetTagged, type ExportFormat } from '@qalam/shared/model'
import { databaseFile } from '../../../server/config.ts'
import { asUser, type Session } from '../../support/accounts.ts'
import { postImport, type ImportedDocument } from '../../support/documentsApi.ts'
import { spawnServer, type ServerProcess } from '../../support/serverProcess.ts'
import { dropKeptExportViews } from '../../support/storedDocument.ts'
import { connectClient, type SyncClient } from '../../support/syncClient.ts'
import { makeTempDir } from '../../support/tempDir.ts'
import { waitFor } from '../../support/waitFor.ts'
import { createWorkspace } from '../../support/workspace.ts'
import { readCpuSeconds } from '../sync/servers.ts'
import { readMemory, resetPeak } from './serverMemory.ts'

/*
 * One file through the built server, as a user meets it: a fresh `node server/dist/main.mjs`
 * (its own DATA_DIR, SQLite, the default worker pool); the file POSTed to the import form; a
 * translator's client fills every target over the sync socket; once the server has settled
 * (`settle`), the export downloaded while that client still has the document open; then the
 * server restarted and the export downloaded again from the store alone, as for a document
 * nobody has open (from the export view its room kept at unload); then once more without that
 * view, replayed from the stored rows. Times are wall times seen by the client (to the answer,
 * to the last byte); CPU seconds and memory are the server process's, read from /proc
 * (threads included).
 */

export interface BenchCase {
  fileName: string
  bytes: Uint8Array
  sourceLang: string
  targetLang: string
  exportFormat: ExportFormat
}

/** Segments sent per transaction: a translator's session of work, one sync update each. */
const FILL_BATCH = 250
/** A 10,000-segment step on a loaded 2-core machine takes minutes, not hours. */
const STEP_TIMEOUT_MS = 20 * 60_000

interface StepFigures {
  ms: number
  cpuSeconds: number
  rssBeforeMb: number
  rssAfterMb: number
  /** The server's high-water mark during the step (reset when it starts). */
  peakRssMb: number
}

async function step<T>(
  label: string,
  pid: number,
  work: () => Promise<T>,
): Promise<{ figures: StepFigures; result: T }> {
  // Progress on stderr: on a loaded machine a step takes minutes.
  console.error(`${new Date().toISOString()} ${label}`)
  const rssBeforeMb = readMemory(pid).rssMb
  resetPeak(pid)
  const cpu = readCpuSeconds(pid)
  const started = performance.now()
  const result = await work()
  const ms = Math.round(performance.now() - started)
  const cpuSeconds = Math.round((readCpuSeconds(pid) - cpu) * 100) / 100
  const memory = readMemory(pid)
  return {
    figures: { ms, cpuSeconds, rssBeforeMb, rssAfterMb: memory.rssMb, peakRssMb: memory.peakRssMb },
    result,
  }
}

async function importFile(
  server: ServerProcess,
  admin: Session,
  projectId: string,
  file: BenchCase,
) {
  const response = await postImport(server.url, {
    session: admin,
    projectId,
    bytes: file.bytes,
    fileName: file.fileName,
    sourceLang: file.sourceLang,
    targetLang: file.targetLang,
  })
  const body = (await response.json()) as unknown
  if (response.status !== 201) throw new Error(`import: ${response.status} ${JSON.stringify(body)}`)
  return body as ImportedDocument
}

/**
 * Every target set to its source in capitals (reversible, tags at the same offsets) and marked
 * translated, a batch per transaction, each sent once the server counts the one before, which
 * it does only after storing it. All at once, the server would be busy with them for longer
 * than y-websocket waits for a message (30 s) on a loaded machine: the client would drop the
 * connection and resend everything as one update, which the server refuses as too large.
 */
async function fillTargets(
  server: ServerProcess,
  document: ImportedDocument,
  translator: Session,
  viewer: Session,
): Promise<SyncClient> {
  const client = connectClient(server.url, document.id, translator)
  await client.synced()
  // A refused update closes the socket: fail then, with the reason, rather than wait forever.
  const closed = new Promise<never>((_resolve, reject) => {
    client.provider.on('connection-close', (event: { code: number; reason: string } | null) =>
      reject(new Error(`the sync socket closed: ${event?.code} ${event?.reason}`)),
    )
  })
  const translated = async () => {
    const response = await fetch(`${server.url}/api/documents/${document.id}`, {
      headers: asUser(viewer),
    })
    const { progress } = (await response.json()) as {
      progress: { byStatus: Record<string, number> }
    }
    return progress.byStatus.translated ?? 0
  }
  const segments = readSegments(client.doc)
  for (let from = 0; from < segments.length; from += FILL_BATCH) {
    const batch = segments.slice(from, from + FILL_BATCH)
    client.doc.transact(() => {
      for (const segment of batch) {
        const upper = segment.source.toUpperCase()
        const text = upper.length === segment.source.length ? upper : segment.source
        const target = { text, tags: segment.sourceTags }
        setTargetTagged(client.doc, segment.id, target, translator.user.id)
        setStatus(client.doc, segment.id, 'translated', translator.user.id)
      }
    })
    const stored = waitFor(
      async () => {
        if ((await translated()) < from + batch.length) throw new Error('not yet stored')
      },
      { timeoutMs: STEP_TIMEOUT_MS, intervalMs: 100 },
    )
    await Promise.race([stored, closed])
  }
  return client
}

async function download(server: ServerProcess, session: Session, id: string, format: string) {
  const response = await fetch(`${server.url}/api/documents/${id}/export?format=${format}`, {
    headers: asUser(session),
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  if (response.status !== 200) {
    throw new Error(`export: ${response.status} ${new TextDecoder().decode(bytes.slice(0, 500))}`)
  }
  const untranslated = response.headers.get('x-untranslated-segments')
  if (untranslated !== '0') throw new Error(`export: ${untranslated} segments untranslated`)
  return bytes.length
}

/** How long the server gets to return the fill's garbage, at most; and how often it is read. */
const SETTLE_MAX_MS = 40_000
const SETTLE_POLL_MS = 500
/** Settled: RSS has not set a new low for this long since it fell by a third from the fill's end. */
const SETTLE_QUIET_MS = 3_000

/**
 * Waits for the server to give back what filling 10,000 targets in seconds grew: V8 collects
 * the garbage of a burst of updates only once allocation has been quiet for a while (its
 * memory reducer starts after 8 s), and a user exports a document after translating it, not
 * in the same second. Without this wait, the export's peak would be the fill's.
 */
async function settle(pid: number): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now()
  const atFillEnd = readMemory(pid).rssMb
  let lowest = atFillEnd
  let lowestAt = started
  while (performance.now() - started < SETTLE_MAX_MS) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS))
    const now = performance.now()
    const { rssMb } = readMemory(pid)
    // A new low is one 2 % under the last: RSS that creeps down a megabyte at a time is quiet.
    if (rssMb < lowest * 0.98) {
      lowest = rssMb
      lowestAt = now
    }
    if (lowest < atFillEnd * (2 / 3) && now - lowestAt >= SETTLE_QUIET_MS) break
  }
  return { ms: Math.round(performance.now() - started), rssMb: readMemory(pid).rssMb }
}

const megabytes = (bytes: number) => Number((bytes / 1e6).toFixed(2))

export async function runServerCase(file: BenchCase) {
  const dir = await makeTempDir('qalam-bench-formats-')
  const env = { DATA_DIR: dir.path }
  let server = await spawnServer(env, { built: true })
  let client: SyncClient | null = null
  try {
    const workspace = await createWorkspace({
      url: server.url,
      databaseFile: databaseFile(dir.path),
    })
    const translator = await workspace.member('translator')
    const { admin, projectId } = workspace
    const pid = server.child.pid!
    const idleRssMb = readMemory(pid).rssMb
    const imported = await step(`${file.fileName} import`, pid, () =>
      importFile(server, admin, projectId, file),
    )
    const document = imported.result
    const filled = await step(`${file.fileName} fill`, pid, () =>
      fillTargets(server, document, translator, admin),
    )
    client = filled.result
    const settled = await settle(pid)
    const exported = await step(`${file.fileName} export`, pid, () =>
      download(server, admin, document.id, file.exportFormat),
    )
    const serverPeakRssMb = Math.max(
      imported.figures.peakRssMb,
      filled.figures.peakRssMb,
      exported.figures.peakRssMb,
    )
    client.destroy()
    client = null
    console.error(`${new Date().toISOString()} ${file.fileName} restart`)
    await server.stop()
    server = await spawnServer(env, { built: true })
    const restartedPid = server.child.pid!
    const stored = await step(`${file.fileName} stored export`, restartedPid, () =>
      download(server, admin, document.id, file.exportFormat),
    )
    // As for a document whose server died before unloading it: no view kept, so a worker
    // replays the stored rows and retires before another writes the file.
    await server.stop()
    dropKeptExportViews(databaseFile(dir.path))
    server = await spawnServer(env, { built: true })
    const replayPid = server.child.pid!
    const replayed = await step(`${file.fileName} stored export, replayed`, replayPid, () =>
      download(server, admin, document.id, file.exportFormat),
    )
    return {
      fileMb: megabytes(file.bytes.length),
      segments: document.segments,
      idleRssMb,
      import: imported.figures,
      fill: filled.figures,
      settled,
      export: { ...exported.figures, fileMb: megabytes(exported.result) },
      serverPeakRssMb,
      storedExport: { ...stored.figures, fileMb: megabytes(stored.result) },
      storedExportReplayed: { ...replayed.figures, fileMb: megabytes(replayed.result) },
    }
  } catch (error) {
    // What the server logged is the way to tell why a step failed.
    const output = server.output().slice(-4_000)
    throw new Error(`${file.fileName}: ${String(error)}\n${output}`, { cause: error })
  } finally {
    client?.destroy()
    await server.stop()
    await dir.remove()
  }
}
