export { detectFormat, type DetectedFormat } from './detectFormat.ts'
export { readXliffFile, type ReadXliff, type XliffFormat } from './importXliff.ts'
export { exportXliff, OriginalCorruptError, type XliffExport } from './exportXliff.ts'
export { XmlEncodingError, decodeXmlFile, encodeXmlFile } from './xmlFileEncoding.ts'
export {
  MarkupEncodingError,
  declaredHtmlEncoding,
  decodeMarkupFile,
  exportMarkup,
  readMarkupExportView,
  readMarkupFile,
  type MarkupExport,
  type MarkupExportView,
  type MarkupFormat,
} from './markupFiles.ts'
export { EXPORT_FILES, type ExportFile } from './exportFiles.ts'
export { readDocxFile, type ReadDocx } from './importDocx.ts'
export {
  exportDocx,
  readDocxExportView,
  type DocxExport,
  type DocxExportView,
} from './exportDocx.ts'
