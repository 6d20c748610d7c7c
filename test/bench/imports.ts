// npm run bench -- imports: how long /healthz and a live edit wait while a 19.5 MB import and
// 20 concurrent 1 MB imports run, with the jobs on the event loop (IMPORT_WORKERS=0, as before
// the worker pool) and in the worker pool (the default), side by side. Each mode gets its own
// server process; /healthz is asked back to back, and a translator's edit is timed from the
// change to the moment an observer's client holds it (stored, then relayed).
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { performance } from 'node:perf_hooks'
import type * as Y from 'yjs'
import { readSegments, setTargetText } from '@qalam/shared/model'
import { databaseFile } from '../../server/config.ts'
import { asUser } from '../support/accounts.ts'
import { generateDocument } from '../support/generateDocument.ts'
import { spawnServer } from '../support/serverProcess.ts'
import { connectClient } from '../support/syncClient.ts'
import { makeTempDir } from '../support/tempDir.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from '../server/fixtures.ts'

const LARGE_SEGMENTS = 145_000
const SMALL_SEGMENTS = 7_500
const SMALL_IMPORTS = 20
/** Pauses between probes, so that the probes themselves are not the load. */
const HEALTH_PAUSE_MS = 50
const EDIT_PAUSE_MS = 100

/** Resolves on the first update to `doc` after which `holds` is true. */
function arrived(doc: Y.Doc, holds: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!holds()) return
      doc.off('update', check)
      resolve()
    }
    doc.on('update', check)
  })
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const round = (ms: number) => Math.round(ms)

/** p50, p95 and the worst of a set of waits, in whole milliseconds. */
function latencies(samples: number[]) {
  const ordered = [...samples].sort((a, b) => a - b)
  const at = (share: number) => round(ordered[Math.floor(share * (ordered.length - 1))] ?? NaN)
  return { samples: ordered.length, p50: at(0.5), p95: at(0.95), max: round(ordered.at(-1) ?? NaN) }
}

/** A multipart body made ahead, so that encoding 20 MB does not stall the measuring process. */
interface EncodedForm {
  body: Buffer
  contentType: string
}

async function encodeForm(form: FormData): Promise<EncodedForm> {
  const encoded = new Request('http://localhost/', { method: 'POST', body: form })
  const contentType = encoded.headers.get('content-type') ?? ''
  return { body: Buffer.from(await encoded.arrayBuffer()), contentType }
}

/**
 * POSTs an encoded form through node:http and answers its status (0 when the connection
 * failed). Not fetch: its 300 s wait for response headers is shorter than an import on the
 * event loop can take on a loaded machine, and the figure wanted is the wait, not a timeout.
 */
function postForm(url: string, form: EncodedForm, headers: Record<string, string>) {
  return new Promise<number>((resolve) => {
    const request = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': form.contentType,
          'content-length': form.body.length,
        },
      },
      (response) => {
        response.resume()
        response.on('end', () => resolve(response.statusCode ?? 0))
        response.on('error', () => resolve(0))
      },
    )
    request.on('error', () => resolve(0))
    request.end(form.body)
  })
}

/** Peak resident memory of the server's node process (tsx runs it as a child), in MB. */
function peakRssMb(tsxPid: number): number | null {
  try {
    const children = readFileSync(`/proc/${tsxPid}/task/${tsxPid}/children`, 'utf8').trim()
    const pid = children.split(/\s+/)[0]
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kilobytes = /VmHWM:\s+(\d+)/.exec(status)?.[1]
    return kilobytes === undefined ? null : Math.round(Number(kilobytes) / 1024)
  } catch {
    // Not Linux, or the process is gone: the figure is left out rather than guessed.
    return null
  }
}

async function measure(workers: number | 'default') {
  const dir = await makeTempDir('qalam-bench-imports-')
  const env: Record<string, number> = workers === 'default' ? {} : { IMPORT_WORKERS: workers }
  const server = await spawnServer({ DATA_DIR: dir.path, ...env })
  try {
    const url = server.url
    const workspace = await createWorkspace({ url, databaseFile: databaseFile(dir.path) })
    const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES })
    const translator = await workspace.member('translator')
    const editor = connectClient(url, id, translator)
    const observer = connectClient(url, id, workspace.admin)
    await Promise.all([editor.synced(), observer.synced()])
    const segmentId = readSegments(editor.doc)[0]!.id
    const large = generateDocument(LARGE_SEGMENTS)
    const small = generateDocument(SMALL_SEGMENTS)

    let running = true
    const health: number[] = []
    const edits: number[] = []
    // A probe the server drops (a reset once its loop comes back) counts, with its wait.
    let healthFailures = 0
    const probeHealth = async () => {
      while (running) {
        const started = performance.now()
        try {
          await (await fetch(`${url}/healthz`)).json()
        } catch {
          healthFailures++
        }
        health.push(performance.now() - started)
        await pause(HEALTH_PAUSE_MS)
      }
    }
    const probeEdits = async () => {
      for (let n = 0; running; n++) {
        const text = `Мұрағат ашық (${n}).`
        const started = performance.now()
        setTargetText(editor.doc, segmentId, text, translator.user.id)
        await arrived(observer.doc, () => readSegments(observer.doc)[0]!.target === text)
        edits.push(performance.now() - started)
        await pause(EDIT_PAUSE_MS)
      }
    }
    const encode = (text: string, title: string) => {
      const form = new FormData()
      form.append('projectId', workspace.projectId)
      form.append('title', title)
      form.append('sourceLang', 'ru')
      form.append('targetLang', 'kk')
      form.append('file', new Blob([text]), `${title}.txt`)
      return encodeForm(form)
    }
    const forms = [await encode(large, 'large')]
    for (let i = 0; i < SMALL_IMPORTS; i++) forms.push(await encode(small, `small ${i}`))
    const headers = asUser(workspace.admin)

    const probes = [probeHealth(), probeEdits()]
    const started = performance.now()
    const statuses = await Promise.all(
      forms.map((form) => postForm(`${url}/api/documents`, form, headers)),
    )
    const importsMs = performance.now() - started
    running = false
    await Promise.all(probes)
    editor.destroy()
    observer.destroy()
    return {
      workers: workers === 'default' ? 'default' : workers,
      imports: {
        largeBytes: Buffer.byteLength(large),
        smallBytes: Buffer.byteLength(small),
        count: statuses.length,
        created: statuses.filter((status) => status === 201).length,
        statuses: [...new Set(statuses)].sort(),
        allDoneMs: round(importsMs),
      },
      healthzMs: { ...latencies(health), failed: healthFailures },
      liveEditRoundTripMs: latencies(edits),
      serverPeakRssMb: peakRssMb(server.child.pid!),
    }
  } finally {
    await server.stop()
    await dir.remove()
  }
}

const before = await measure(0)
const after = await measure('default')
console.log(
  JSON.stringify(
    {
      bench: 'imports',
      load: `one ${LARGE_SEGMENTS}-segment import and ${SMALL_IMPORTS} of ${SMALL_SEGMENTS} segments at once`,
      targetMs: 200,
      before,
      after,
    },
    null,
    2,
  ),
)
