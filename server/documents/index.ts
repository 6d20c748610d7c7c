export { createDocument, type NewDocument } from './createDocument.ts'
export { exportPlainText, type PlainTextExport } from './exportPlainText.ts'
