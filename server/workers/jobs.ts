// The CPU-heavy work of imports and alignments, run in the worker pool (or inline with a pool of
// size 0). Inputs were validated by the routes; handlers throw the same AppErrors the routes
// would, which cross back to the main thread with their code and status.
import {
  parsePlainText,
  previewDocx,
  type PreviewLocale,
  type ReviewRead,
  type TrackedChanges,
} from '@qalam/shared/formats'
import { eachExportedSegment, readMeta, type DocumentExportView } from '@qalam/shared/model'
import type { XliffFormat } from '../formats/index.ts'
import { replayDocument, type LoadedDocument, type OriginalFile } from '../storage/index.ts'
import { alignedLayout, proposeAlignment, type AlignedDocumentInput } from '../alignment/index.ts'
import {
  buildDocument,
  decodeExportView,
  encodeExportView,
  encodeKeptView,
  type BuiltDocument,
} from '../documents/index.ts'
import { detectEncoding, type Detection, type Encoding } from '../encoding/index.ts'
import { decodeTextFileAs } from '../http/decodeTextFile.ts'
import { ImportError } from '../http/errors.ts'
import { requireDeclaredLanguage } from '../http/importLanguage.ts'
import {
  decodeXliffUpload,
  readXliffImport,
  requireImportFormat,
  requireOwnXmlEncoding,
} from '../http/xliffDocuments.ts'
import { readMarkupImport, requireOwnHtmlEncoding } from '../http/markupDocuments.ts'
import { declaredHtmlEncoding, decodeMarkupFile, type MarkupFormat } from '../formats/index.ts'
import { docxImportError, readDocxImport } from '../http/docxDocuments.ts'
import { writeExportFile, type ExportedFile, type ExportRequest } from '../http/exportFile.ts'
import { readRules, type StoredSegmentation } from '../segmentation/index.ts'
import {
  applyPrefills,
  type AppliedPrefills,
  type Prefill,
} from '../analysis/prefillExactMatches.ts'
import { ownBuffer, type JobOutput } from './jobProtocol.ts'
import { readReviewUpload, renderDocxFile } from '../http/reviewFiles.ts'

export interface ImportTextInput {
  bytes: Uint8Array
  /** What to read the bytes in; absent means UTF-8. */
  encoding: Encoding | undefined
  title: string
  sourceLang: string
  targetLang: string
  /** The project's SRX file and exceptions, as stored. */
  rules: StoredSegmentation
  /** The user confirmed the source language of a text that does not look like it. */
  languageConfirmed: boolean
  now: number
}

export interface BuiltImport extends BuiltDocument {
  segments: number
}

/** A built document as a job's output: its updates' buffers moved, not copied. */
function builtOutput(built: BuiltDocument, segments: number): JobOutput<BuiltImport> {
  const owned = built.updates.map(ownBuffer)
  const view = built.exportView && ownBuffer(built.exportView)
  return {
    result: {
      updates: owned.map(({ bytes }) => bytes),
      progress: built.progress,
      exportView: view?.bytes ?? null,
      segments,
    },
    transfer: [...owned.map(({ buffer }) => buffer), ...(view ? [view.buffer] : [])],
  }
}

/** Decodes, segments and builds the document's first update; stores nothing. */
function importText(input: ImportTextInput): JobOutput<BuiltImport> {
  const text = decodeTextFileAs(input.bytes, input.encoding)
  const parsed = parsePlainText(text, input.sourceLang, readRules(input.rules))
  if (parsed.segments.length === 0) {
    throw new ImportError('import.no_segments', 'The file has no text to translate.')
  }
  requireDeclaredLanguage(parsed.segments, input.sourceLang, input.languageConfirmed)
  const built = buildDocument(
    {
      title: input.title,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      parsed,
      sourceEncoding: input.encoding ?? 'utf-8',
    },
    input.now,
  )
  return builtOutput(built, parsed.segments.length)
}

export interface ImportXliffInput {
  bytes: Uint8Array
  /** The version the route detected from the content. */
  format: XliffFormat
  fileName: string
  title: string
  /** The form's languages, used where the file names none. */
  sourceLang: string
  targetLang: string
  sameLanguage: boolean
  now: number
}

/** A built XLIFF import: the languages the file named win, and the original goes to the store. */
export interface BuiltXliffImport extends BuiltImport {
  sourceLang: string
  targetLang: string
  original: OriginalFile
}

/** Decodes and parses an XLIFF file, checks it and builds its document with the inline tags. */
function importXliff(input: ImportXliffInput): JobOutput<BuiltXliffImport> {
  const read = readXliffImport(input)
  const built = buildDocument(
    {
      title: input.title,
      sourceLang: read.sourceLang,
      targetLang: read.targetLang,
      parsed: { segments: read.segments, trailing: '' },
      sourceEncoding: read.sourceEncoding,
      sourceFormat: input.format,
    },
    input.now,
  )
  const output = builtOutput(built, read.segments.length)
  const original = ownBuffer(read.original.bytes)
  return {
    result: {
      ...output.result,
      sourceLang: read.sourceLang,
      targetLang: read.targetLang,
      original: { ...read.original, bytes: original.bytes },
    },
    transfer: [...(output.transfer ?? []), original.buffer],
  }
}

export interface ImportMarkupInput {
  bytes: Uint8Array
  format: MarkupFormat
  fileName: string
  title: string
  sourceLang: string
  targetLang: string
  /** What to read the file in when it declares no encoding; absent means UTF-8. */
  encoding: Encoding | undefined
  rules: StoredSegmentation
  languageConfirmed: boolean
  now: number
}

/** An HTML or Markdown import: built with its tags, and its original for the store. */
export interface BuiltMarkupImport extends BuiltImport {
  original: OriginalFile
}

/** Decodes and reads an HTML or Markdown file into segments and builds its document. */
function importMarkup(input: ImportMarkupInput): JobOutput<BuiltMarkupImport> {
  const read = readMarkupImport({ ...input, rules: readRules(input.rules) })
  requireDeclaredLanguage(read.segments, input.sourceLang, input.languageConfirmed)
  const built = buildDocument(
    {
      title: input.title,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      parsed: { segments: read.segments, trailing: '' },
      sourceEncoding: read.sourceEncoding,
      sourceFormat: input.format,
    },
    input.now,
  )
  const output = builtOutput(built, read.segments.length)
  const original = ownBuffer(read.original.bytes)
  return {
    result: { ...output.result, original: { ...read.original, bytes: original.bytes } },
    transfer: [...(output.transfer ?? []), original.buffer],
  }
}

export interface ImportDocxInput {
  bytes: Uint8Array
  fileName: string
  title: string
  sourceLang: string
  targetLang: string
  sameLanguage: boolean
  /** The project's SRX file and exceptions: paragraphs are cut into sentences by them. */
  rules: StoredSegmentation
  trackedChanges: TrackedChanges
  languageConfirmed: boolean
  now: number
}

/** A built DOCX import, with the original file for the export to write into. */
export interface BuiltDocxImport extends BuiltImport {
  original: OriginalFile
}

/** Opens, checks and segments a DOCX file and builds its document with the inline tags. */
function importDocx(input: ImportDocxInput): JobOutput<BuiltDocxImport> {
  const read = readDocxImport({ ...input, rules: readRules(input.rules) })
  requireDeclaredLanguage(read.segments, input.sourceLang, input.languageConfirmed)
  const built = buildDocument(
    {
      title: input.title,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      parsed: { segments: read.segments, trailing: '' },
      sourceEncoding: 'utf-8',
      sourceFormat: 'docx',
    },
    input.now,
  )
  const output = builtOutput(built, read.segments.length)
  const original = ownBuffer(read.original.bytes)
  return {
    result: { ...output.result, original: { ...read.original, bytes: original.bytes } },
    transfer: [...(output.transfer ?? []), original.buffer],
  }
}

/** A stored document replayed here, read as its exports read it and let go: UTF-8 JSON, moved. */
function readExportViewJob(input: {
  stored: LoadedDocument
  withTagCopies: boolean
}): JobOutput<{ view: Uint8Array }> {
  const doc = replayDocument(input.stored)
  let view: Uint8Array
  try {
    view = encodeExportView(readMeta(doc), eachExportedSegment(doc), input.withTagCopies)
  } finally {
    doc.destroy()
  }
  const owned = ownBuffer(view)
  return { result: { view: owned.bytes }, transfer: [owned.buffer] }
}

export interface ApplyPrefillsInput {
  stored: LoadedDocument
  fills: Pick<Prefill, 'segmentId' | 'target'>[]
  userId: string
}

/**
 * An import's pre-fill written into its stored document, replayed here: the change to append,
 * the progress after it, and the export view to keep as of it (null when too large).
 */
function applyPrefillsJob(
  input: ApplyPrefillsInput,
): JobOutput<AppliedPrefills & { exportView: Uint8Array | null }> {
  const doc = replayDocument(input.stored)
  try {
    const applied = applyPrefills(doc, input.fills, input.userId)
    const update = applied.update && ownBuffer(applied.update)
    const view = encodeKeptView(readMeta(doc), eachExportedSegment(doc))
    const kept = view && ownBuffer(view)
    return {
      result: {
        progress: applied.progress,
        update: update?.bytes ?? null,
        exportView: kept?.bytes ?? null,
      },
      transfer: [update, kept].flatMap((owned) => (owned ? [owned.buffer] : [])),
    }
  } finally {
    doc.destroy()
  }
}

export interface ExportDocumentInput extends ExportRequest {
  /** The document's export view, as `encodeExportView` wrote it, in one or more chunks. */
  view: Uint8Array[]
}

/** Writes an export's file from the document's view; the bytes are moved back, not copied. */
function exportDocumentJob(input: ExportDocumentInput): JobOutput<ExportedFile> {
  const file = writeExportFile(takeExportView(input), input)
  const owned = ownBuffer(file.bytes)
  return { result: { ...file, bytes: owned.bytes }, transfer: [owned.buffer] }
}

/** The input's view, decoded; its JSON is let go before the file is written. */
function takeExportView(input: ExportDocumentInput): DocumentExportView {
  const view = decodeExportView(input.view)
  input.view = []
  return view
}

export interface PreviewInput {
  bytes: Uint8Array
  /** The encoding the user chose; absent means the detected one. */
  encoding: Encoding | undefined
  maxLines: number
  maxLineChars: number
}

export type Preview =
  | { format: 'txt' | 'md' | 'html'; encoding: Encoding; detected: Detection; lines: string[] }
  /** XLIFF (and HTML naming its charset) is read in the encoding it declares: only shown. */
  | { format: XliffFormat | 'html'; encoding: string; lines: string[] }
  /** DOCX: its first paragraphs, and whether it has tracked changes to accept. */
  | { format: 'docx'; lines: string[]; trackedChanges: boolean }

/**
 * The file's format (by content) and first non-blank lines: a text file as it reads in the
 * detected (or the chosen) encoding, an XLIFF file in the one it declares.
 */
function previewText(input: PreviewInput): JobOutput<Preview> {
  const firstLines = (text: string) =>
    text
      .split(/\r\n|\r|\n/)
      .filter((line) => line.trim() !== '')
      .slice(0, input.maxLines)
      .map((line) => line.slice(0, input.maxLineChars))
  const format = requireImportFormat(input.bytes, undefined)
  if (format === 'docx') {
    try {
      const preview = previewDocx(input.bytes, input.maxLines, input.maxLineChars)
      return { result: { format, lines: preview.lines, trackedChanges: preview.hasTrackedChanges } }
    } catch (error) {
      throw docxImportError(error)
    }
  }
  if (format === 'xliff12' || format === 'xliff20') {
    requireOwnXmlEncoding(input.bytes, input.encoding)
    const xml = decodeXliffUpload(input.bytes)
    return { result: { format, encoding: xml.encoding, lines: firstLines(xml.text) } }
  }
  const declared = format === 'html' ? declaredHtmlEncoding(input.bytes) : null
  if (format === 'html' && declared !== null) {
    requireOwnHtmlEncoding(input.bytes, input.encoding)
    const html = decodeMarkupUpload(input.bytes)
    return { result: { format, encoding: declared, lines: firstLines(html) } }
  }
  const detected = detectEncoding(input.bytes)
  const encoding = input.encoding ?? detected.encoding
  const lines = firstLines(decodeTextFileAs(input.bytes, encoding))
  return { result: { format, encoding, detected, lines } }
}

/** An HTML file in the charset it declares, for its preview. */
function decodeMarkupUpload(bytes: Uint8Array): string {
  try {
    return decodeMarkupFile(bytes, 'html').text
  } catch (error) {
    throw new ImportError(
      'import.undecodable',
      error instanceof Error ? error.message : 'undecodable',
    )
  }
}

type ImportCode = ConstructorParameters<typeof ImportError>[0]

/** Decodes one side like an imported document, naming the side in the English message. */
function decodeSide(
  bytes: Uint8Array,
  side: 'source' | 'target',
  encoding: Encoding | undefined,
): string {
  try {
    return decodeTextFileAs(bytes, encoding)
  } catch (error) {
    if (!(error instanceof ImportError)) throw error
    throw new ImportError(error.code as ImportCode, `The ${side} file: ${error.message}`)
  }
}

export interface ProposeAlignmentInput {
  title: string
  sourceLang: string
  targetLang: string
  sourceBytes: Uint8Array
  targetBytes: Uint8Array
  /** What to read each file in, as its preview showed it; absent means UTF-8. */
  sourceEncoding: Encoding | undefined
  targetEncoding: Encoding | undefined
  /** The project's SRX file and exceptions, as stored: both sides are cut as its imports are. */
  rules: StoredSegmentation
}

/**
 * The proposal as UTF-8 JSON, serialized here: for two 20 MB texts it is tens of megabytes, and
 * `JSON.stringify` on the main thread would stall it as surely as aligning there. Sides with no
 * sentence are named in `emptySides` for the route to refuse.
 */
function proposeAlignmentJob(
  input: ProposeAlignmentInput,
): JobOutput<{ json: Uint8Array; emptySides: Array<'source' | 'target'> }> {
  const proposal = proposeAlignment({
    title: input.title,
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    sourceText: decodeSide(input.sourceBytes, 'source', input.sourceEncoding),
    targetText: decodeSide(input.targetBytes, 'target', input.targetEncoding),
    rules: readRules(input.rules),
  })
  const emptySides = (['source', 'target'] as const).filter(
    (side) => proposal[side].sentences.length === 0,
  )
  // The encoding the source was read in goes back with the proposal, for the confirmation to
  // keep it: an export may then write the translation in the original's encoding.
  const answer = { ...proposal, sourceEncoding: input.sourceEncoding ?? 'utf-8' }
  const json = new TextEncoder().encode(JSON.stringify(answer))
  return { result: { json, emptySides }, transfer: [json.buffer as ArrayBuffer] }
}

/** The confirmed pairs of an alignment as a built document (see `alignedLayout`). */
function buildAlignedDocument(
  input: AlignedDocumentInput & { now: number },
): JobOutput<BuiltImport> {
  const parsed = alignedLayout(input.pairs, input.trailing)
  const built = buildDocument(
    {
      title: input.title,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      parsed,
      ...(input.sourceEncoding === undefined ? {} : { sourceEncoding: input.sourceEncoding }),
    },
    input.now,
  )
  return builtOutput(built, parsed.segments.length)
}

/** Reads an edited review table (an untrusted DOCX): its document id and rows; stores nothing. */
function readReviewTable(input: { bytes: Uint8Array }): JobOutput<ReviewRead> {
  return { result: readReviewUpload(input.bytes) }
}

export interface DocxPreviewInput {
  bytes: Uint8Array
  title: string
  lang: string
  locale: PreviewLocale
}

/** The HTML preview of an exported DOCX (unzipped with limits, rendered without scripts). */
function renderDocxPreviewJob(input: DocxPreviewInput): JobOutput<{ html: string }> {
  return { result: { html: renderDocxFile(input) } }
}

export const jobs = {
  readReviewTable,
  renderDocxPreview: renderDocxPreviewJob,
  importText,
  importXliff,
  importMarkup,
  importDocx,
  readExportView: readExportViewJob,
  applyPrefills: applyPrefillsJob,
  exportDocument: exportDocumentJob,
  previewText,
  proposeAlignment: proposeAlignmentJob,
  buildAlignedDocument,
}

export type ServerJobs = typeof jobs
