// npm run bench -- validate: what judging each update costs on a 10,000-segment document,
// with the updates a Lexical editor really sends while a translator types, and the update
// throughput with validation on and off, side by side: in-process (a room's doc alone) and
// end to end (a real server, real WebSockets, each update stored and broadcast).
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { parsePlainText } from '@qalam/shared/formats'
import {
  SEGMENT_KEYS,
  initDocument,
  segmentTarget,
  segmentsArray,
  touchSegment,
  writeLexicalText,
} from '@qalam/shared/model'
import { judgeDecodedUpdate, judgeUpdate, type Actor } from '../../server/sync/validation/index.ts'
import { createHeadlessPeer } from '../lexical/headlessPeer.ts'
import { generateDocument } from '../support/generateDocument.ts'
import { measureOverWebSockets } from './validate/overWebSockets.ts'

const SEGMENTS = 10_000
const PEERS = 8
const CHARACTERS_PER_PEER = 250
const ROUNDS = 5
const SCRATCH_SAMPLES = 10

const translator: Actor = { role: 'translator', userId: 'u-bench' }

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}
const median = (values: number[]) => percentile(values, 50)
const micros = (ms: number) => Math.round(ms * 1000 * 10) / 10

/** The room's doc: 10,000 segments, every second one translated and every fourth approved. */
function buildRoom(): Y.Doc {
  const doc = new Y.Doc()
  const { segments, trailing } = parsePlainText(generateDocument(SEGMENTS), 'ru')
  initDocument(
    doc,
    { title: 'validate bench', sourceLang: 'ru', targetLang: 'kk', createdAt: 0, trailing },
    segments,
    { kind: 'server' },
  )
  doc.transact(
    () => {
      segmentsArray(doc).forEach((segment, index) => {
        if (index % 2 !== 0) return
        writeLexicalText(
          segmentTarget(segment),
          `Ұлттық кітапхана сирек басылымдарды цифрлады (№ ${index + 1}).`,
        )
        segment.set(SEGMENT_KEYS.status, index % 4 === 0 ? 'approved' : 'translated')
        touchSegment(segment, 'u-seed', 0)
      })
    },
    { kind: 'server' },
  )
  return doc
}

const room = buildRoom()
const initial = Y.encodeStateAsUpdate(room)
const segmentCount = segmentsArray(room).length

// Peers on untranslated (odd) segments spread over the document, typing one character per
// editor update, then marking the segment translated; their updates interleave as they would
// arrive at the server.
const perPeer: Uint8Array[][] = []
for (let k = 0; k < PEERS; k++) {
  const index = 1 + 2 * Math.floor((k * segmentCount) / (2 * PEERS))
  const peer = createHeadlessPeer(initial, index, translator.userId)
  peer.type('Делегация қолжазбаларды '.repeat(20).slice(0, CHARACTERS_PER_PEER))
  peer.setStatus('translated')
  perPeer.push(peer.takeUpdates())
  peer.destroy()
}
const updates: Uint8Array[] = []
for (let i = 0; perPeer.some((list) => i < list.length); i++) {
  for (const list of perPeer) if (i < list.length) updates.push(list[i]!)
}

function freshRoom(): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, initial)
  return doc
}

// Per-update cost of judging, each update judged against the room just before it applies.
const judgeMs: number[] = []
{
  const doc = freshRoom()
  for (const update of updates) {
    const start = performance.now()
    const decision = judgeUpdate(doc, update, translator)
    judgeMs.push(performance.now() - start)
    if (!decision.ok)
      throw new Error(`honest update refused: ${decision.reason} ${decision.detail}`)
    Y.applyUpdate(doc, update)
  }
}

// The same without decoding, which the sync layer does once anyway to read the message.
const judgeDecodedMs: number[] = []
{
  const doc = freshRoom()
  for (const update of updates) {
    const { structs, ds } = Y.decodeUpdate(update)
    const start = performance.now()
    judgeDecodedUpdate(doc, { structs, deleteSet: ds }, translator)
    judgeDecodedMs.push(performance.now() - start)
    Y.applyUpdate(doc, update)
  }
}

// Throughput of the room with and without validation, same updates, alternating rounds.
const withoutMs: number[] = []
const withMs: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  const plain = freshRoom()
  let start = performance.now()
  for (const update of updates) Y.applyUpdate(plain, update)
  withoutMs.push(performance.now() - start)

  const judged = freshRoom()
  start = performance.now()
  for (const update of updates) {
    if (judgeUpdate(judged, update, translator).ok) Y.applyUpdate(judged, update)
  }
  withMs.push(performance.now() - start)
}

// The idea not taken: apply each update to a scratch copy of the room and diff. Copying a
// 10,000-segment doc is the floor of that approach's cost, before any diffing.
const scratchMs: number[] = []
for (let i = 0; i < SCRATCH_SAMPLES; i++) {
  const update = updates[i * Math.floor(updates.length / SCRATCH_SAMPLES)]!
  const start = performance.now()
  const scratch = new Y.Doc()
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room))
  Y.applyUpdate(scratch, update)
  scratchMs.push(performance.now() - start)
  scratch.destroy()
}

const endToEnd = await measureOverWebSockets({
  segments: SEGMENTS,
  peers: PEERS,
  charactersPerPeer: CHARACTERS_PER_PEER,
  rounds: 3,
})

const perSecond = (ms: number) => Math.round((updates.length / ms) * 1000)
process.stdout.write(
  JSON.stringify({
    segments: segmentCount,
    updates: updates.length,
    updateBytesMedian: median(updates.map((update) => update.length)),
    validationPerUpdateUs: {
      p50: micros(percentile(judgeMs, 50)),
      p99: micros(percentile(judgeMs, 99)),
    },
    validationPerDecodedUpdateUs: {
      p50: micros(percentile(judgeDecodedMs, 50)),
      p99: micros(percentile(judgeDecodedMs, 99)),
    },
    throughputUpdatesPerSecond: {
      validationOff: perSecond(median(withoutMs)),
      validationOn: perSecond(median(withMs)),
    },
    scratchCopyPerUpdateUs: { p50: micros(median(scratchMs)) },
    serverOverWebSocketsUpdatesPerSecond: endToEnd,
  }) + '\n',
)
