export { detectFormat, type DetectedFormat } from './detectFormat.ts'
export { readXliffFile, type ReadXliff, type XliffFormat } from './importXliff.ts'
export { exportXliff, OriginalCorruptError, type XliffExport } from './exportXliff.ts'
export { XmlEncodingError, decodeXmlFile, encodeXmlFile } from './xmlFileEncoding.ts'
