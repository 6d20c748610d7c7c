import type { XmlElement } from './scanXml.ts'

/*
 * Character data and escaping of XML text, and reading a scanned element's children.
 */

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
}

/** Character data as XML reads it: references decoded, CR LF and lone CR as LF. */
export function decodeXmlText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_match, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
      return PREDEFINED[name]!
    })
}

/** Text escaped for element content: `&`, `<` and `>` (the last for `]]>`). */
export function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Text escaped for a double-quoted attribute value. */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}

/** The element's child elements, optionally only those of one local name. */
export function childElements(element: XmlElement, local?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement =>
      child.kind === 'element' && (local === undefined || child.local === local),
  )
}

/** The first child element of `local` name, or undefined. */
export function childElement(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find(
    (child): child is XmlElement => child.kind === 'element' && child.local === local,
  )
}

/** All the text inside an element, markup dropped. */
export function textContent(element: XmlElement): string {
  let out = ''
  for (const child of element.children) {
    if (child.kind === 'text') out += child.text
    else if (child.kind === 'element') out += textContent(child)
  }
  return out
}
