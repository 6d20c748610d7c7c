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
  type XmlElement,
  type XmlEncodingGuess,
} from './xml/index.ts'
export * from './zip/index.ts'
export * from './docx/index.ts'
export * from './review/index.ts'
export * from './preview/index.ts'
