// The server's update throughput over real WebSockets, validation on and off side by side:
// translators' Lexical updates sent as fast as the sockets take them, timed until an observer
// has received every one of them back as a broadcast (so each was judged, stored and relayed).
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import { readSegments } from '@qalam/shared/model'
import { startServer, type RunningServer } from '../../../server/app.ts'
import { databaseFile } from '../../../server/config.ts'
import { createJsonLogger } from '../../../server/logging/index.ts'
import { acceptAll } from '../../../server/sync/index.ts'
import { createHeadlessPeer } from '../../lexical/headlessPeer.ts'
import { connectClient, openRawSocket } from '../../support/syncClient.ts'
import { makeTempDir } from '../../support/tempDir.ts'
import { createWorkspace, type Workspace } from '../../support/workspace.ts'
import { generateDocument } from '../../support/generateDocument.ts'

export interface OverWebSocketsOptions {
  segments: number
  peers: number
  charactersPerPeer: number
  rounds: number
}

interface Side {
  server: RunningServer
  workspace: Workspace
  text: string
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0) // Sync
  encoding.writeVarUint(encoder, 2) // Update
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

async function openSide(validation: boolean, text: string): Promise<Side> {
  const dir = await makeTempDir('qalam-bench-validate-')
  const config = {
    port: 0,
    dataDir: dir.path,
    clientDir: join(dir.path, 'no-client'),
    logger: createJsonLogger(() => undefined),
  }
  // The "off" side is the one place the benchmark-only hook is used: nothing else can reach it.
  const server = await startServer(config, validation ? undefined : { authorize: acceptAll })
  const workspace = await createWorkspace({ url: server.url, databaseFile: databaseFile(dir.path) })
  const close = server.close
  server.close = async () => {
    await close()
    await dir.remove()
  }
  return { server, workspace, text }
}

/** One round on one side: a fresh document, every peer's updates sent at once, timed. */
async function runRound(
  side: Side,
  options: OverWebSocketsOptions,
): Promise<{ perSecond: number; updates: number }> {
  const { server, workspace } = side
  const { id } = await workspace.importDocument({ bytes: side.text, targetLang: 'kk' })
  const translator = await workspace.member('translator')
  const observer = connectClient(server.url, id, workspace.admin)
  await observer.synced()
  const initial = Y.encodeStateAsUpdate(observer.doc)
  const count = readSegments(observer.doc).length

  const perPeer: Uint8Array[][] = []
  for (let k = 0; k < options.peers; k++) {
    const index = 1 + 2 * Math.floor((k * count) / (2 * options.peers))
    const peer = createHeadlessPeer(initial, index, translator.user.id)
    peer.type('Делегация қолжазбаларды '.repeat(20).slice(0, options.charactersPerPeer))
    peer.setStatus('translated')
    perPeer.push(peer.takeUpdates())
    peer.destroy()
  }
  const total = perPeer.reduce((sum, list) => sum + list.length, 0)

  const sockets = perPeer.map(() => openRawSocket(server.url, id, translator))
  // Joined once the server's SyncStep1 has arrived; from then on every message is judged.
  await Promise.all(
    sockets.map(
      (raw) => new Promise<void>((resolve) => raw.socket.once('message', () => resolve())),
    ),
  )
  let received = 0
  const allReceived = new Promise<void>((resolve) => {
    observer.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin === observer.provider && ++received === total) resolve()
    })
  })
  const start = performance.now()
  perPeer.forEach((updates, k) => {
    for (const update of updates) sockets[k]!.socket.send(updateMessage(update))
  })
  await allReceived
  const elapsed = performance.now() - start
  for (const raw of sockets) {
    if (raw.socket.readyState !== raw.socket.OPEN) throw new Error('an honest peer was refused')
    raw.socket.close()
  }
  observer.destroy()
  return { perSecond: (total / elapsed) * 1000, updates: total }
}

/** Updates per second through the server with validation on and off, rounds alternating. */
export async function measureOverWebSockets(options: OverWebSocketsOptions) {
  const text = generateDocument(options.segments)
  const on = await openSide(true, text)
  const off = await openSide(false, text)
  const rates = { on: [] as number[], off: [] as number[] }
  let updates = 0
  try {
    for (let round = 0; round < options.rounds; round++) {
      const plain = await runRound(off, options)
      const judged = await runRound(on, options)
      rates.off.push(plain.perSecond)
      rates.on.push(judged.perSecond)
      updates = judged.updates
    }
  } finally {
    await on.server.close()
    await off.server.close()
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
  return {
    rounds: options.rounds,
    updatesPerRound: updates,
    validationOff: Math.round(median(rates.off)),
    validationOn: Math.round(median(rates.on)),
  }
}
