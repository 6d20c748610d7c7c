export {
  DEFAULT_XML_LIMITS,
  XmlError,
  childElement,
  childElements,
  decodeXmlText,
  escapeXmlAttribute,
  escapeXmlText,
  scanXml,
  textContent,
  type XmlDocument,
  type XmlElement,
  type XmlErrorCode,
  type XmlLimits,
  type XmlNode,
  type XmlTextNode,
} from './scanXml.ts'
export { spliceText, type Splice } from './spliceText.ts'
export { declaredXmlEncoding, type XmlEncodingGuess } from './declaredEncoding.ts'
export { indentBefore, rewriteElement } from './editElement.ts'
