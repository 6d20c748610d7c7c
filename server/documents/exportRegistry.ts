import type * as Y from 'yjs'
import type { ExportPolicy } from '@qalam/shared/export'
import type { DocumentStore } from '../storage/index.ts'

/*
 * Exports by document format, for the features that need a document's exported file without
 * knowing how each format is written: the preview renders a DOCX export as HTML. A format's
 * module registers its exporter when the server starts (DOCX registers `docx`).
 */

export interface ExportContext {
  store: DocumentStore
  documentId: string
  doc: Y.Doc
  policy: ExportPolicy
}

export interface ExportedFile {
  bytes: Uint8Array
  contentType: string
  fileName: string
}

export type DocumentExporter = (context: ExportContext) => Promise<ExportedFile>

const exporters = new Map<string, DocumentExporter>()

/** Makes `exporter` the export of documents imported as `format`; a later one replaces it. */
export function registerExporter(format: string, exporter: DocumentExporter): void {
  exporters.set(format, exporter)
}

/** The exporter of `format`, if one is registered. */
export function exporterFor(format: string): DocumentExporter | undefined {
  return exporters.get(format)
}
