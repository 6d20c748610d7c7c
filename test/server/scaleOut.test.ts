import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import pg from 'pg'
import { Redis } from 'ioredis'
import { readSegments, setStatus, setTargetText } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { holdsAll, startCluster, type Cluster } from '../support/cluster.ts'
import { startCuttableProxy, type CuttableProxy } from '../support/cuttableProxy.ts'
import { hasPostgres } from '../support/postgres.ts'
import { applyRandomEdit } from '../support/randomEdits.ts'
import { REDIS_URL, hasRedis, startRedisServer, type OwnRedis } from '../support/redis.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

const hasServices = hasPostgres && hasRedis
if (!hasServices) {
  console.warn('\n*** Scale-out tests SKIPPED: they need both PostgreSQL and Redis.\n')
}

/** One editor: a session and its provider, which may move to another process. */
interface Editor {
  session: Session
  client: SyncClient
  /** Close codes its sockets were closed with. */
  closeCodes: number[]
}

let cluster: Cluster | null = null
let ownRedis: OwnRedis | null = null
let proxy: CuttableProxy | null = null
const editors: Editor[] = []
const extraClients: SyncClient[] = []
const timers: NodeJS.Timeout[] = []

afterEach(async () => {
  for (const timer of timers.splice(0)) clearInterval(timer)
  for (const editor of editors.splice(0)) editor.client.destroy()
  for (const client of extraClients.splice(0)) client.destroy()
  await cluster?.dispose()
  cluster = null
  await ownRedis?.stop()
  ownRedis = null
  await proxy?.close()
  proxy = null
})

async function workspaceOn(started: Cluster): Promise<Workspace> {
  return createWorkspace({
    url: started.servers[0]!.url,
    databaseFile: '',
    databaseUrl: started.schema.url,
  })
}

function connectEditor(serverUrl: string, documentId: string, session: Session, doc?: Y.Doc) {
  const client = connectClient(serverUrl, documentId, { session, ...(doc && { doc }) })
  const editor: Editor = { session, client, closeCodes: [] }
  watchCloses(editor)
  return editor
}

function watchCloses(editor: Editor) {
  editor.client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) editor.closeCodes.push(event.code)
  })
}

/** The editor's document carries on in a provider on another process (a proxy would do it). */
function moveEditor(editor: Editor, serverUrl: string, documentId: string) {
  editor.client.provider.destroy()
  const { doc } = editor.client
  editor.client = connectClient(serverUrl, documentId, { session: editor.session, doc })
  watchCloses(editor)
}

async function spreadEditors(
  servers: readonly { url: string }[],
  documentId: string,
  sessions: readonly Session[],
): Promise<Editor[]> {
  const spread = sessions.map((session, index) =>
    connectEditor(servers[index % servers.length]!.url, documentId, session),
  )
  editors.push(...spread)
  await Promise.all(spread.map((editor) => editor.client.synced()))
  return spread
}

function startStorm(spread: readonly Editor[], seed: number, intervalMs: number) {
  spread.forEach((editor, index) => {
    const random = seededRandom(seed + index)
    const userId = editor.session.user.id
    timers.push(setInterval(() => applyRandomEdit(editor.client.doc, random, userId), intervalMs))
  })
}

function stopStorm() {
  for (const timer of timers.splice(0)) clearInterval(timer)
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Every document holds everything every other one does, deletions included, and the
 * database's replayed log is the same document: nothing anyone typed is missing anywhere.
 */
async function expectConvergence(
  started: Cluster,
  documentId: string,
  docs: readonly Y.Doc[],
  timeoutMs = 60_000,
) {
  await waitFor(
    async () => {
      const stored = await started.storedDocument(documentId)
      const storedState = Y.encodeStateAsUpdate(stored)
      for (const doc of docs) {
        expect(holdsAll(stored, Y.encodeStateAsUpdate(doc))).toBe(true)
        expect(holdsAll(doc, storedState)).toBe(true)
      }
      const segments = readSegments(stored)
      for (const doc of docs) expect(readSegments(doc)).toEqual(segments)
    },
    { timeoutMs, intervalMs: 250 },
  )
}

/**
 * `count` translator sessions over a few accounts: each account's password is hashed twice
 * (creation, login), which is most of a test's setup otherwise, and one person may well
 * have the document open in several tabs.
 */
async function translators(workspace: Workspace, count: number, accounts = 3): Promise<Session[]> {
  const sessions: Session[] = []
  for (let i = 0; i < Math.min(count, accounts); i++) {
    sessions.push(await workspace.member('translator'))
  }
  return Array.from({ length: count }, (_, index) => sessions[index % sessions.length]!)
}

async function readyStatus(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status
}

describe.skipIf(!hasServices)('several server processes on PostgreSQL and Redis', () => {
  describe('three processes on one schema and prefix', () => {
    let shared: Cluster | null = null
    let workspace: Workspace | null = null
    beforeAll(async () => {
      shared = await startCluster({ processes: 3, label: 'scale_three' })
      workspace = await workspaceOn(shared)
    })
    afterAll(async () => {
      await shared?.dispose()
    })

    test(
      'seeded concurrent edits on three processes converge everywhere and equal the stored log',
      { timeout: 120_000 },
      async () => {
        const { servers } = shared!
        const { id } = await workspace!.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
        const spread = await spreadEditors(servers, id, await translators(workspace!, 9))

        startStorm(spread, 2000, 40)
        await pause(3000)
        stopStorm()
        await expectConvergence(
          shared!,
          id,
          spread.map((editor) => editor.client.doc),
        )

        // One more edit on process 0, announced to a process that has applied all before it:
        // process 1 applies it from the announcement, and /metrics says how late it was.
        const [onZero] = spread
        const segmentId = readSegments(onZero!.client.doc)[1]!.id
        setTargetText(onZero!.client.doc, segmentId, 'соңғы', onZero!.session.user.id)
        await waitFor(async () => {
          const metrics = await (await fetch(`${servers[1]!.url}/metrics`)).text()
          expect(metrics).toMatch(/^qalam_redis_connected 1$/m)
          expect(metrics).toMatch(/^qalam_updates_accepted_total [1-9]/m)
          expect(metrics).toMatch(/^qalam_pubsub_lag_seconds_count [1-9]/m)
          expect(metrics).toMatch(/^qalam_rooms_open [1-9]/m)
          expect(metrics).toMatch(/^qalam_connections [1-9]/m)
        })
        expect(await readyStatus(servers[1]!.url)).toBe(200)
      },
    )

    test(
      'a document one process holds alone is not announced on Redis; once a second opens it, edits cross both ways',
      { timeout: 60_000 },
      async () => {
        const { servers, prefix } = shared!
        const { id } = await workspace!.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
        // What the processes say on the document's channel, by message kind (its first byte:
        // 0 an update, 1 awareness, 2 "who holds it?"; server/pubsub/messages.ts).
        const listener = new Redis(REDIS_URL)
        const kinds: number[] = []
        listener.on('messageBuffer', (_channel: Buffer, message: Buffer) => kinds.push(message[0]!))
        await listener.subscribe(`${prefix}doc:${id}`)
        try {
          const [one, two] = await translators(workspace!, 2)
          const [alone] = await spreadEditors(servers.slice(0, 1), id, [one!])
          const [first, second] = readSegments(alone!.client.doc)
          setTargetText(alone!.client.doc, first!.id, 'бір', one!.user.id)
          await waitFor(async () =>
            expect(readSegments(await shared!.storedDocument(id))[0]!.target).toBe('бір'),
          )
          expect(kinds.filter((kind) => kind !== 2)).toEqual([])

          const [joining] = await spreadEditors(servers.slice(1, 2), id, [two!])
          setTargetText(alone!.client.doc, first!.id, 'екі', one!.user.id)
          await waitFor(() => expect(readSegments(joining!.client.doc)[0]!.target).toBe('екі'))
          setTargetText(joining!.client.doc, second!.id, 'үш', two!.user.id)
          await waitFor(() => expect(readSegments(alone!.client.doc)[1]!.target).toBe('үш'))
          expect(kinds).toContain(0)
        } finally {
          listener.disconnect()
        }
      },
    )

    test(
      'a reviewer and a translator on two processes racing on the same segments are judged in one order: the audit chains and every copy agrees',
      { timeout: 120_000 },
      async () => {
        const servers = shared!.servers.slice(0, 2)
        const { id } = await workspace!.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
        const reviewer = await workspace!.member('reviewer')
        const preparer = await workspace!.member('translator')
        const racers = await translators(workspace!, 8, 2)
        const RACES = racers.length

        // Segments 0..RACES-1 start translated.
        const setup = connectClient(servers[0]!.url, id, preparer!)
        extraClients.push(setup)
        await setup.synced()
        const segmentIds = readSegments(setup.doc)
          .slice(0, RACES)
          .map((segment) => segment.id)
        for (const segmentId of segmentIds) {
          setTargetText(setup.doc, segmentId, 'аударма', preparer!.user.id)
          setStatus(setup.doc, segmentId, 'translated', preparer!.user.id)
        }
        const [approving, ...translating] = await spreadEditors([servers[0]!], id, [reviewer]).then(
          async (first) => [...first, ...(await spreadEditors([servers[1]!], id, racers))],
        )
        await waitFor(() => {
          for (const editor of [approving!, ...translating]) {
            const statuses = readSegments(editor.client.doc)
              .slice(0, RACES)
              .map((segment) => segment.status)
            expect(statuses).toEqual(segmentIds.map(() => 'translated'))
          }
        })

        // Same tick: the reviewer approves every segment on process 0 while, on process 1,
        // translator i moves segment i back to draft. Each process alone sees "translated".
        segmentIds.forEach((segmentId, index) => {
          setStatus(approving!.client.doc, segmentId, 'approved', reviewer.user.id)
          setStatus(translating[index]!.client.doc, segmentId, 'draft', racers[index]!.user.id)
        })

        const observers = servers.map((server) => connectClient(server.url, id, workspace!.admin))
        extraClients.push(...observers)
        // Each translator's move was either refused (closed 4403, for good) or stored.
        await waitFor(
          async () => {
            const stored = Y.encodeStateAsUpdate(await shared!.storedDocument(id))
            const storedDoc = new Y.Doc()
            Y.applyUpdate(storedDoc, stored)
            for (const editor of translating) {
              const settled =
                editor.closeCodes.includes(4403) ||
                holdsAll(storedDoc, Y.encodeStateAsUpdate(editor.client.doc))
              expect(settled).toBe(true)
            }
          },
          { timeoutMs: 30_000, intervalMs: 250 },
        )
        const accepted = translating.filter((editor) => !editor.closeCodes.includes(4403))
        await expectConvergence(shared!, id, [
          approving!.client.doc,
          ...accepted.map((editor) => editor.client.doc),
          ...observers.map((observer) => observer.doc),
        ])

        const rows = await auditRows(shared!.schema.url, id)
        for (const segmentId of segmentIds) {
          // The racing moves (the reviewer's, the racers'), in whatever order the audit got them.
          const racing = rows
            .filter((row) => row.segmentId === segmentId && row.userId !== preparer!.user.id)
            .map((row) => row.detail)
            .filter((detail) => detail.from !== undefined)
          expect(racing.some((move) => move.to === 'approved')).toBe(true)
          // Judged one after the other: exactly one was judged from "translated"; the other,
          // if it was accepted, from where the first left the segment.
          const first = racing.filter((move) => move.from === 'translated')
          expect(first).toHaveLength(1)
          const rest = racing.filter((move) => move !== first[0])
          for (const move of rest) expect(move.from).toBe(first[0]!.to)
        }
      },
    )

    test(
      'access changes made through one process close the affected sockets on the others',
      { timeout: 60_000 },
      async () => {
        const { servers } = shared!
        const { id } = await workspace!.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
        const leaving = await workspace!.member('translator')
        const [onOne, onTwo] = await spreadEditors([servers[1]!, servers[2]!], id, [
          leaving,
          workspace!.admin,
        ])
        const api = servers[0]!.url
        const headers = asUser(workspace!.admin, { 'content-type': 'application/json' })
        const members = `${api}/api/projects/${workspace!.projectId}/members`

        const removed = await fetch(`${members}/${leaving.user.id}`, { method: 'DELETE', headers })
        expect(removed.status).toBe(204)
        // Reconnect and be judged again (4000), which process 1 then refuses (4404).
        await waitFor(() => expect(onOne!.closeCodes).toEqual([4000, 4404]))
        expect(onTwo!.closeCodes).toEqual([])

        const deleted = await fetch(`${api}/api/documents/${id}`, { method: 'DELETE', headers })
        expect(deleted.status).toBe(204)
        await waitFor(() => expect(onTwo!.closeCodes[0]).toBe(4404))
      },
    )

    // Kills process 1: the tests after it use processes 0 and 2.
    test(
      'kill -9 of one process during a 30-client storm: everything any client was sent is stored, and its clients converge on the others',
      { timeout: 240_000 },
      async () => {
        const { servers } = shared!
        const { id } = await workspace!.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
        // Observers receive only what a process broadcast, which it had stored first.
        const observers = servers.map((server) => connectClient(server.url, id, workspace!.admin))
        extraClients.push(...observers)
        await Promise.all(observers.map((observer) => observer.synced()))
        const spread = await spreadEditors(servers, id, await translators(workspace!, 30))

        startStorm(spread, 3000, 60)
        await pause(2500)
        await servers[1]!.kill9()
        const sent = observers.map((observer) => Y.encodeStateAsUpdate(observer.doc))
        observers[1]!.provider.disconnect()
        const storedAtKill = await shared!.storedDocument(id)
        for (const update of sent) expect(holdsAll(storedAtKill, update)).toBe(true)

        // The dead process's editors carry on with their documents on the others.
        spread.forEach((editor, index) => {
          if (index % servers.length === 1) moveEditor(editor, servers[(index + 1) % 3]!.url, id)
        })
        await pause(1500)
        stopStorm()
        const live = [observers[0]!, observers[2]!]
        await expectConvergence(shared!, id, [
          ...spread.map((editor) => editor.client.doc),
          ...live.map((observer) => observer.doc),
        ])
      },
    )

    test(
      'presence crosses processes, and expires soon after its process dies',
      { timeout: 60_000 },
      async () => {
        const { servers } = shared!
        const { id } = await workspace!.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
        const [onZero, onTwo] = await spreadEditors(
          [servers[0]!, servers[2]!],
          id,
          await translators(workspace!, 2),
        )
        // Presence: an editor on process 2 is seen by an editor on process 0, until 2 dies.
        const { user } = onTwo!.session
        onTwo!.client.provider.awareness.setLocalState({
          user: { id: user.id, name: user.username, color: '#aa3300' },
        })
        const theirClientId = onTwo!.client.doc.clientID
        const seen = () => onZero!.client.provider.awareness.getStates().get(theirClientId)
        await waitFor(() => expect(seen()).toMatchObject({ user: { id: user.id } }))
        await servers[2]!.kill9()
        // Well before y-protocols' own 30 s timeout: the dead process's heartbeat expired.
        await waitFor(() => expect(seen()).toBeUndefined(), { timeoutMs: 15_000 })
      },
    )
  })

  test(
    'Redis restarted mid-storm: processes serve their own clients, are not ready meanwhile, then catch up from the log',
    { timeout: 180_000 },
    async () => {
      ownRedis = await startRedisServer()
      cluster = await startCluster({
        processes: 2,
        label: 'scale_redis',
        redisUrl: ownRedis.url,
      })
      const { servers } = cluster
      const workspace = await workspaceOn(cluster)
      const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
      const spread = await spreadEditors(servers, id, await translators(workspace, 10))

      startStorm(spread, 4000, 50)
      await pause(1000)
      await ownRedis.kill()
      await waitFor(async () => {
        for (const server of servers) expect(await readyStatus(server.url)).toBe(503)
      })
      // Two editors on one process still see each other's typing live, through their server.
      const [first, , third] = spread
      const segmentId = readSegments(first!.client.doc)[0]!.id
      setTargetText(first!.client.doc, segmentId, 'Redis жоқ кезде', first!.session.user.id)
      const typed = Y.encodeStateAsUpdate(first!.client.doc)
      await waitFor(() => expect(holdsAll(third!.client.doc, typed)).toBe(true))
      await pause(1000)
      await ownRedis.start()
      await waitFor(async () => {
        for (const server of servers) expect(await readyStatus(server.url)).toBe(200)
      })
      await pause(1000)
      stopStorm()
      await expectConvergence(
        cluster,
        id,
        spread.map((editor) => editor.client.doc),
      )
    },
  )

  test(
    'PostgreSQL cut mid-storm: updates are refused with a retriable close, nothing is acknowledged and lost, all converge once it is back',
    { timeout: 180_000 },
    async () => {
      const base = new URL(
        process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      )
      proxy = await startCuttableProxy(base.hostname, Number(base.port || 5432))
      const through = proxy
      cluster = await startCluster({
        processes: 2,
        label: 'scale_pg',
        databaseUrlFor: (url) => {
          const proxied = new URL(url)
          proxied.hostname = '127.0.0.1'
          proxied.port = String(through.port)
          return proxied.toString()
        },
      })
      const { servers } = cluster
      const workspace = await workspaceOn(cluster)
      const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
      const observer = connectClient(servers[0]!.url, id, workspace.admin)
      extraClients.push(observer)
      await observer.synced()
      const spread = await spreadEditors(servers, id, await translators(workspace, 10))

      startStorm(spread, 5000, 50)
      await pause(1000)
      through.cut()
      await pause(1500)
      // What the observer was sent before and during the outage was stored before it was sent.
      const sent = Y.encodeStateAsUpdate(observer.doc)
      through.restore()
      await pause(1000)
      stopStorm()
      await expectConvergence(cluster, id, [
        ...spread.map((editor) => editor.client.doc),
        observer.doc,
      ])
      expect(holdsAll(await cluster.storedDocument(id), sent)).toBe(true)
      // The editors whose updates met the outage were told to come back (1011), not refused.
      const codes = spread.flatMap((editor) => editor.closeCodes)
      expect(codes).toContain(1011)
      expect(codes.filter((code) => code >= 4400 && code < 4500)).toEqual([])
    },
  )
})

interface AuditRow {
  userId: string
  segmentId: string
  detail: { from?: string; to?: string }
}

/** The document's audit entries in the order they were written. */
async function auditRows(url: string, documentId: string): Promise<AuditRow[]> {
  const client = new pg.Client({ connectionString: url })
  client.on('error', () => undefined)
  await client.connect()
  try {
    const { rows } = await client.query<{ user_id: string; segment_id: string; detail: string }>(
      'SELECT user_id, segment_id, detail FROM audit_log WHERE document_id = $1 ORDER BY id',
      [documentId],
    )
    return rows.map((row) => ({
      userId: row.user_id,
      segmentId: row.segment_id,
      detail: JSON.parse(row.detail) as AuditRow['detail'],
    }))
  } finally {
    await client.end()
  }
}
