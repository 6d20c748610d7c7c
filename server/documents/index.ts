export {
  buildDocument,
  createDocument,
  storeDocument,
  type BuiltDocument,
  type DocumentHeading,
  type NewDocument,
} from './createDocument.ts'
export { exportPlainText, type PlainTextExport } from './exportPlainText.ts'
export {
  decodeExportView,
  encodeDocumentExportView,
  encodeExportView,
  encodeKeptDocumentView,
  encodeKeptView,
  MAX_KEPT_VIEW_BYTES,
  writesTagCopies,
  type ExportedFormat,
} from './exportViewJson.ts'
export {
  documentExportReport,
  resolveExportPolicy,
  type ExportSources,
  type ResolvedPolicy,
} from './exportPolicy.ts'
export { purgeDeleted, type PurgeStores } from './purgeDeleted.ts'
export { codePointName, locateCharacters, type CharacterPlaces } from './locateCharacters.ts'
export { applyReviewRows, type ReviewImportReport } from './applyReviewRows.ts'
