import type * as Y from 'yjs'
import {
  eachExportedSegment,
  readMeta,
  type DocumentExportView,
  type DocumentMeta,
  type ExportFormat,
  type ExportedSegment,
} from '@qalam/shared/model'
import { Utf8Chunks, concatBytes } from '@qalam/shared/text'

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

/**
 * The largest view kept in the store. Its write is one synchronous statement on the event
 * loop (SQLite, 2-core machine: 12 MB in 74 ms, 40 MB in 206 ms); a larger document's export
 * replays it in a worker instead.
 */
export const MAX_KEPT_VIEW_BYTES = 16 * 1024 * 1024

/**
 * The view's JSON in pieces, as `JSON.stringify` writes `{ meta, segments }`, with a line
 * break (JSON whitespace) before each segment and before the end: the reader parses a segment
 * at a time, never the whole view as one string. JSON.stringify escapes every line break in
 * a value, so the only raw ones are these.
 */
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
    yield `\n${first ? '' : ','}${JSON.stringify(segment, replacer)}`
    first = false
  }
  yield '\n]}'
}

/** The view as JSON, read by `decodeExportView`. */
export function encodeExportView(
  meta: DocumentMeta,
  segments: Iterable<ExportedSegment>,
  withTagCopies: boolean,
): Uint8Array {
  const out = new Utf8Chunks()
  for (const piece of viewJson(meta, segments, withTagCopies)) out.append(piece)
  return out.take()
}

/** The view to keep in the store (tag copies and all: it serves every format); null if too large. */
export function encodeKeptView(
  meta: DocumentMeta,
  segments: Iterable<ExportedSegment>,
): Uint8Array | null {
  const out = new Utf8Chunks(MAX_KEPT_VIEW_BYTES)
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
): Promise<Utf8Chunks | null> {
  const out = new Utf8Chunks(limit)
  let turn = performance.now()
  for (const piece of viewJson(readMeta(doc), eachExportedSegment(doc), withTagCopies)) {
    if (!out.append(piece)) return null
    if (performance.now() - turn > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      turn = performance.now()
    }
  }
  return out
}

/**
 * The export view of a room's `doc` as JSON, read in turns of the event loop, in the chunks it
 * was written into: moved to the worker as they are, never copied into one buffer.
 */
export async function encodeDocumentExportView(
  doc: Y.Doc,
  withTagCopies: boolean,
): Promise<Uint8Array[]> {
  const view = await encodeInTurns(doc, withTagCopies, Infinity)
  if (!view) throw new Error('a view without a limit is never refused')
  return view.takeChunks()
}

/** The view of a room's `doc` to keep in the store, read in turns; null if too large. */
export async function encodeKeptDocumentView(doc: Y.Doc): Promise<Uint8Array | null> {
  return (await encodeInTurns(doc, true, MAX_KEPT_VIEW_BYTES))?.take() ?? null
}

/**
 * The view `encodeExportView` wrote (in one buffer, or in the chunks it was written into), a
 * line at a time: the head with the meta, then each segment (after its separating comma). The
 * bytes came from this server, never from a client; a view kept by an earlier release has no
 * line breaks and is parsed whole.
 */
export function decodeExportView(json: Uint8Array | readonly Uint8Array[]): DocumentExportView {
  const decoder = new TextDecoder()
  const lines = jsonLines(json instanceof Uint8Array ? [json] : json)
  const head = lines.next()
  if (head.done) throw new Error('an empty export view')
  const first = decoder.decode(head.value)
  if (!first.endsWith('[')) return JSON.parse(first) as DocumentExportView
  const { meta } = JSON.parse(`${first}]}`) as Pick<DocumentExportView, 'meta'>
  const segments: ExportedSegment[] = []
  for (const line of lines) {
    if (line[0] === CLOSING_BRACKET) break
    const skip = line[0] === COMMA ? 1 : 0
    segments.push(JSON.parse(decoder.decode(line.subarray(skip))) as ExportedSegment)
  }
  return { meta, segments }
}

const LINE_BREAK = 0x0a
const COMMA = 0x2c
const CLOSING_BRACKET = 0x5d

/** The lines of bytes split into chunks anywhere; a line across chunks is joined. */
function* jsonLines(chunks: readonly Uint8Array[]): Generator<Uint8Array> {
  let carried: Uint8Array[] = []
  for (const chunk of chunks) {
    let start = 0
    for (let end = chunk.indexOf(LINE_BREAK); end >= 0; end = chunk.indexOf(LINE_BREAK, start)) {
      const line = chunk.subarray(start, end)
      yield carried.length === 0 ? line : concatBytes([...carried, line])
      carried = []
      start = end + 1
    }
    if (start < chunk.length) carried.push(chunk.subarray(start))
  }
  if (carried.length > 0) yield concatBytes(carried)
}
