export {
  DEFAULT_XML_LIMITS,
  XmlError,
  scanXml,
  streamXml,
  type XmlDocument,
  type XmlElement,
  type XmlErrorCode,
  type XmlLimits,
  type XmlNode,
  type XmlStreamReader,
  type XmlTextNode,
} from './scanXml.ts'
export {
  childElement,
  childElements,
  decodeXmlText,
  escapeXmlAttribute,
  escapeXmlText,
  textContent,
} from './xmlText.ts'
export {
  spliceText,
  spliceWriter,
  stringOutput,
  utf8Output,
  type Splice,
  type SpliceWriter,
  type TextOutput,
} from './spliceText.ts'
export { declaredXmlEncoding, type XmlEncodingGuess } from './declaredEncoding.ts'
export { indentBefore, rewriteElement } from './editElement.ts'
