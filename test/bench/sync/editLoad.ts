// Simulated translators for `npm run bench -- sync`: y-websocket clients, each typing into its
// segment's target the way the Lexical binding does (a few letters inserted into the paragraph
// Y.XmlText of the segment's target), and the time each edit takes to reach every other peer
// of its document. Two kinds of peer: real providers, each applying what it receives to its
// Y.Doc as a browser does; or sockets (see socketPeer.ts) that only note which edits reached
// them, so that one bench process can drive the rates a server sustains.
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { segmentAt, segmentTarget, segmentsArray } from '@qalam/shared/model'
import type { Session } from '../../support/accounts.ts'
import { seededRandom } from '../../support/seededRandom.ts'
import { connectClient } from '../../support/syncClient.ts'
import { connectSocketPeer } from './socketPeer.ts'

const LETTERS = 'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя '

interface Edit {
  sentAt: number
  /** The sender's clock after the edit: a peer holding it has the edit. */
  clock: number
  /** Peers of the document that do not have it yet. */
  missing: number
}

/** Edits in flight, per Yjs client id, in clock order. */
class Propagation {
  readonly latencies: number[] = []
  private readonly inFlight = new Map<number, Edit[]>()
  sent = 0

  send(clientId: number, clock: number, peers: number): void {
    this.sent++
    if (peers === 0) return
    const list = this.inFlight.get(clientId) ?? []
    list.push({ sentAt: performance.now(), clock, missing: peers })
    this.inFlight.set(clientId, list)
  }

  /** A peer now holds `clientId`'s changes from `fromClock` (exclusive) up to `toClock`. */
  received(clientId: number, fromClock: number, toClock: number): void {
    const list = this.inFlight.get(clientId)
    if (!list) return
    const now = performance.now()
    for (const edit of list) {
      if (edit.clock > toClock) break
      if (edit.clock <= fromClock) continue
      if (--edit.missing === 0) this.latencies.push(now - edit.sentAt)
    }
    while (list.length > 0 && list[0]!.missing === 0) list.shift()
  }

  get lost(): number {
    let count = 0
    for (const list of this.inFlight.values())
      count += list.filter((edit) => edit.missing > 0).length
    return count
  }
}

/** One connected client of the load, whichever kind. */
export interface Peer {
  /** The client's document: it types into it; a socket peer's holds only its own edits. */
  doc: Y.Doc
  /** Whether `doc` receives the other peers' edits (and so can be compared for convergence). */
  applies: boolean
  /** Called with each close the server initiated. */
  onClose(listener: (code: number) => void): void
  destroy(): void
}

export interface Translator {
  peer: Peer
  documentId: string
  segment: number
}

export interface LoadPlan {
  serverUrl: string
  session: Session | null
  /** Clients per document, by document id. */
  documents: Array<{ id: string; clients: number; segments: number }>
  /** `providers` (the default): y-websocket providers; `sockets`: see socketPeer.ts. */
  peers?: 'providers' | 'sockets'
}

/** Connected clients of the plan, ready to edit; `close` disconnects them all. */
export class EditLoad {
  readonly translators: Translator[] = []
  propagation = new Propagation()
  /** Close codes of connections the server ended (4xxx: refused). */
  readonly closeCodes: number[] = []
  private readonly random = seededRandom(11)

  static async connect(plan: LoadPlan): Promise<EditLoad> {
    const load = new EditLoad()
    const connecting: Array<Promise<Peer>> = []
    const placed: Array<{ documentId: string; segment: number }> = []
    for (const document of plan.documents) {
      // Socket peers start from the document as a provider receives it, read once.
      const state =
        plan.peers === 'sockets'
          ? await readDocumentState(plan.serverUrl, document.id, plan.session)
          : new Uint8Array()
      for (let k = 0; k < document.clients; k++) {
        connecting.push(
          plan.peers === 'sockets'
            ? connectSocketPeer(plan.serverUrl, document.id, plan.session, state, {
                received: (clientId, from, to) => load.propagation.received(clientId, from, to),
              })
            : connectProvider(plan, document.id),
        )
        // Spread the clients over the document's segments, as translators spread over a text.
        const segment = Math.floor(((k + 0.5) * document.segments) / document.clients)
        placed.push({ documentId: document.id, segment })
      }
    }
    const peers = await Promise.all(connecting)
    for (const [index, peer] of peers.entries()) {
      peer.onClose((code) => load.closeCodes.push(code))
      const translator = { peer, ...placed[index]! }
      load.translators.push(translator)
      if (peer.applies) load.watch(translator)
    }
    return load
  }

  /** A fresh account of edits for the next measured stretch. */
  reset(): void {
    this.propagation = new Propagation()
  }

  private peersOf(translator: Translator): number {
    return this.translators.filter((other) => other.documentId === translator.documentId).length - 1
  }

  private watch(translator: Translator): void {
    translator.peer.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return
      for (const [clientId, clock] of transaction.afterState) {
        const before = transaction.beforeState.get(clientId) ?? 0
        if (clock !== before) this.propagation.received(clientId, before, clock)
      }
    })
  }

  /** One keystroke or a short burst of them, as the binding inserts them into the paragraph. */
  edit(translator: Translator): void {
    const doc = translator.peer.doc
    const target = segmentTarget(segmentAt(doc, translator.segment)!)
    const paragraph = (target.toDelta() as Array<{ insert: unknown }>)[0]!.insert as Y.XmlText
    const count = 1 + Math.floor(this.random() * 3)
    let text = ''
    for (let i = 0; i < count; i++) text += LETTERS[Math.floor(this.random() * LETTERS.length)]
    doc.transact(() => paragraph.insert(paragraph.length, text))
    this.propagation.send(
      doc.clientID,
      Y.getState(doc.store, doc.clientID),
      this.peersOf(translator),
    )
  }

  /**
   * Every translator edits at `perClientRate` edits per second (intervals jittered ±50 %) for
   * `seconds`, then waits up to `drainMs` for the last edits to arrive everywhere.
   */
  async run(perClientRate: number, seconds: number, drainMs = 10_000): Promise<void> {
    const end = performance.now() + seconds * 1000
    const interval = 1000 / perClientRate
    await Promise.all(
      this.translators.map(async (translator, index) => {
        // Staggered starts, so the clients do not all type in the same millisecond.
        await sleep((interval * index) / this.translators.length)
        while (performance.now() < end) {
          this.edit(translator)
          await sleep(interval * (0.5 + this.random()))
        }
      }),
    )
    const deadline = performance.now() + drainMs
    while (this.propagation.lost > 0 && performance.now() < deadline) await sleep(20)
  }

  /**
   * Whether every client of each document holds the same state and the same targets; null for
   * socket peers, which hold only their own edits (`lost` says whether every edit arrived).
   */
  converged(): boolean | null {
    if (this.translators.some((translator) => !translator.peer.applies)) return null
    const byDocument = new Map<string, Translator[]>()
    for (const translator of this.translators) {
      byDocument.set(translator.documentId, [
        ...(byDocument.get(translator.documentId) ?? []),
        translator,
      ])
    }
    for (const group of byDocument.values()) {
      const [first, ...rest] = group.map(({ peer }) => ({
        vector: Buffer.from(Y.encodeStateVector(peer.doc)).toString('base64'),
        targets: segmentsArray(peer.doc)
          .map((segment) => segmentTarget(segment).toString())
          .join('\n'),
      }))
      if (rest.some((other) => other.vector !== first!.vector || other.targets !== first!.targets))
        return false
    }
    return true
  }

  close(): void {
    for (const translator of this.translators) translator.peer.destroy()
  }
}

async function connectProvider(plan: LoadPlan, documentId: string): Promise<Peer> {
  const client = connectClient(plan.serverUrl, documentId, { session: plan.session })
  const listeners: Array<(code: number) => void> = []
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event) for (const listener of listeners) listener(event.code)
  })
  await client.synced()
  return {
    doc: client.doc,
    applies: true,
    onClose: (listener) => listeners.push(listener),
    destroy: () => client.destroy(),
  }
}

/** The document as a provider that joins receives it, as one update. */
export async function readDocumentState(
  serverUrl: string,
  documentId: string,
  session: Session | null,
): Promise<Uint8Array> {
  const reader = connectClient(serverUrl, documentId, { session })
  try {
    await reader.synced()
    return Y.encodeStateAsUpdate(reader.doc)
  } finally {
    reader.destroy()
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
  return Math.round(value * 10) / 10
}
