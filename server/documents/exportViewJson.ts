import type * as Y from 'yjs'
import {
  eachExportedSegment,
  readMeta,
  type DocumentExportView,
  type DocumentMeta,
  type ExportFormat,
  type ExportedSegment,
} from '@qalam/shared/model'

/*
 * A document's export view crosses from the thread that read it (the room's, or the worker
 * that replayed a stored document) to the worker that writes the file as UTF-8 JSON: one
 * buffer, not tens of thousands of cloned objects. It is written a segment at a time, so
 * that the reading thread holds the bytes and one segment, never the whole view as objects
 * and as a string besides. A tag's `display` (the tooltip's copy of the original markup) is
 * most of a formatted document's view, and only the formats that write it out get it.
 */

/** What the file of an export is written from: one of the export formats, or a review table. */
export type ExportedFormat = ExportFormat | 'review-docx' | 'review-html'

/** Whether `format` writes a tag's `display` (XLIFF's and TMX's copies of the markup). */
export function writesTagCopies(format: ExportedFormat): boolean {
  return format === 'xliff12' || format === 'xliff20' || format === 'tmx'
}

const INITIAL_BYTES = 64 * 1024

/**
 * The largest view kept in the store. Its write is one synchronous statement on the event
 * loop (SQLite, 2-core machine: 12 MB in 74 ms, 40 MB in 206 ms); a larger document's export
 * replays it in a worker instead.
 */
export const MAX_KEPT_VIEW_BYTES = 16 * 1024 * 1024

/** UTF-8 bytes appended to one buffer that doubles as it fills, up to `limit` bytes. */
class Utf8Buffer {
  private bytes = new Uint8Array(INITIAL_BYTES)
  private length = 0
  private readonly encoder = new TextEncoder()

  constructor(private readonly limit: number) {}

  /** False, writing nothing, once the text would take the buffer past its limit. */
  append(text: string): boolean {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    const needed = this.length + text.length * 3
    if (needed > this.bytes.length) {
      if (this.length + text.length > this.limit) return false
      const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2))
      grown.set(this.bytes.subarray(0, this.length))
      this.bytes = grown
    }
    this.length += this.encoder.encodeInto(text, this.bytes.subarray(this.length)).written
    return this.length <= this.limit
  }

  /** The bytes written, in a buffer of their own that can be moved to a worker. */
  take(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }
}

/** The view's JSON in pieces, as `JSON.stringify` writes `{ meta, segments }`. */
function* viewJson(
  meta: DocumentMeta,
  segments: Iterable<ExportedSegment>,
  withTagCopies: boolean,
): Generator<string> {
  const replacer = withTagCopies
    ? undefined
    : (key: string, value: unknown) => (key === 'display' ? '' : value)
  yield `{"meta":${JSON.stringify(meta)},"segments":[`
  let first = true
  for (const segment of segments) {
    yield first ? JSON.stringify(segment, replacer) : `,${JSON.stringify(segment, replacer)}`
    first = false
  }
  yield ']}'
}

/** The view as JSON, read by `decodeExportView`. */
export function encodeExportView(
  meta: DocumentMeta,
  segments: Iterable<ExportedSegment>,
  withTagCopies: boolean,
): Uint8Array {
  const out = new Utf8Buffer(Infinity)
  for (const piece of viewJson(meta, segments, withTagCopies)) out.append(piece)
  return out.take()
}

/** The view to keep in the store (tag copies and all: it serves every format); null if too large. */
export function encodeKeptView(
  meta: DocumentMeta,
  segments: Iterable<ExportedSegment>,
): Uint8Array | null {
  const out = new Utf8Buffer(MAX_KEPT_VIEW_BYTES)
  for (const piece of viewJson(meta, segments, true)) if (!out.append(piece)) return null
  return out.take()
}

/** The event loop's longest turn while a live document's view is read (10,000 segments: 0.4 s). */
const SLICE_MS = 10

/**
 * A room's `doc` as JSON, read a segment at a time in turns of the event loop no longer than
 * `SLICE_MS`, so that everyone's typing goes on meanwhile; null once past `limit` bytes. Each
 * segment is read whole, as it stands when its turn comes.
 */
async function encodeInTurns(
  doc: Y.Doc,
  withTagCopies: boolean,
  limit: number,
): Promise<Uint8Array | null> {
  const out = new Utf8Buffer(limit)
  let turn = performance.now()
  for (const piece of viewJson(readMeta(doc), eachExportedSegment(doc), withTagCopies)) {
    if (!out.append(piece)) return null
    if (performance.now() - turn > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      turn = performance.now()
    }
  }
  return out.take()
}

/** The export view of a room's `doc` as JSON, read in turns of the event loop. */
export async function encodeDocumentExportView(
  doc: Y.Doc,
  withTagCopies: boolean,
): Promise<Uint8Array> {
  const view = await encodeInTurns(doc, withTagCopies, Infinity)
  if (!view) throw new Error('a view without a limit is never refused')
  return view
}

/** The view of a room's `doc` to keep in the store, read in turns; null if too large. */
export function encodeKeptDocumentView(doc: Y.Doc): Promise<Uint8Array | null> {
  return encodeInTurns(doc, true, MAX_KEPT_VIEW_BYTES)
}

/** The view `encodeExportView` wrote; the bytes came from this server, never from a client. */
export function decodeExportView(bytes: Uint8Array): DocumentExportView {
  return JSON.parse(new TextDecoder().decode(bytes)) as DocumentExportView
}
