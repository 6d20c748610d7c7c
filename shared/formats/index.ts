export * from './plainText/index.ts'
export * from './tmx/index.ts'
export * from './tbx/index.ts'
export * from './xliff/index.ts'
export * from './xliff12/index.ts'
export * from './xliff20/index.ts'
export {
  XmlError,
  declaredXmlEncoding,
  scanXml,
  utf8Output,
  type XmlElement,
  type XmlEncodingGuess,
} from './xml/index.ts'
export * from './html/index.ts'
export * from './markdown/index.ts'
export {
  MarkupError,
  segmentsByUnit,
  type MarkupErrorCode,
  type UnitSegment,
} from './textUnits/index.ts'
export * from './zip/index.ts'
export * from './docx/index.ts'
export * from './review/index.ts'
export * from './preview/index.ts'
