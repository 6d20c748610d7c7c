import { SaxesParser, type SaxesTagNS } from 'saxes'

/*
 * A well-formedness-checked map of an XML text: every element with the exact character ranges
 * of its tags and content, and the text between them. Formats that write a file back (XLIFF
 * now, DOCX and HTML later) splice new content into the original string at these ranges, so
 * that whatever they do not change comes back byte for byte, namespaces and all.
 *
 * Safe on hostile input: a DOCTYPE is refused before anything else is read (so there is no
 * entity declaration to expand and nothing external to fetch), only XML's five predefined
 * entities and character references exist, and size, depth and node counts are bounded.
 */

export interface XmlElement {
  kind: 'element'
  /** The name as written, prefix included (`sdl:seg`). */
  name: string
  /** The local name and the namespace URI it resolves to ('' for none). */
  local: string
  uri: string
  /** Attribute values by their name as written, entities decoded. */
  attributes: Readonly<Record<string, string>>
  /** The whole element: from `<` of its start tag to after `>` of its end tag. */
  start: number
  end: number
  /** Its content: after the start tag to before the end tag (equal when self-closing). */
  contentStart: number
  contentEnd: number
  selfClosing: boolean
  children: XmlNode[]
  parent: XmlElement | null
}

export interface XmlTextNode {
  kind: 'text'
  /** The characters, entities and CDATA decoded, line ends normalized. */
  text: string
  start: number
  end: number
}

/** A comment or processing instruction: kept in ranges, never read. */
export interface XmlOtherNode {
  kind: 'other'
  start: number
  end: number
}

export type XmlNode = XmlElement | XmlTextNode | XmlOtherNode

export interface XmlDocument {
  text: string
  root: XmlElement
}

export interface XmlLimits {
  /** Characters of the whole text. */
  maxChars: number
  maxDepth: number
  maxElements: number
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxChars: 100_000_000,
  maxDepth: 100,
  maxElements: 5_000_000,
}

export type XmlErrorCode = 'malformed' | 'dtd' | 'too_large' | 'too_deep'

/** The text is not XML we read: not well-formed, has a DTD, or passes a limit. */
export class XmlError extends Error {
  override name = 'XmlError'
  constructor(
    readonly code: XmlErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Reads `text` into a tree of elements with exact ranges. Throws `XmlError` for anything that
 * is not well-formed namespace-aware XML, for any DOCTYPE, and past the limits.
 */
export function scanXml(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlDocument {
  if (text.length > limits.maxChars) {
    throw new XmlError('too_large', `the file has more than ${limits.maxChars} characters`)
  }
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XmlElement[] = []
  // Names repeat in every unit of a large file: each is kept once, not once per element.
  const names = new Map<string, string>()
  const intern = (name: string) => {
    const known = names.get(name)
    if (known !== undefined) return known
    names.set(name, name)
    return name
  }
  let root: XmlElement | null = null
  let elements = 0
  // Markup that is not an element, in document order, with its exact range.
  const others: Array<{ start: number; end: number; parent: XmlElement | null; cdata?: string }> =
    []

  parser.on('doctype', () => {
    throw new XmlError('dtd', `line ${parser.line}: a DOCTYPE (DTD) is not accepted`)
  })
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (++elements > limits.maxElements) {
      throw new XmlError('too_large', `more than ${limits.maxElements} elements`)
    }
    if (stack.length >= limits.maxDepth) {
      throw new XmlError('too_deep', `elements nested more than ${limits.maxDepth} deep`)
    }
    const end = parser.position
    // An attribute value may hold ">" but never "<", so the tag starts at the last "<".
    const start = text.lastIndexOf('<', end - 1)
    const attributes: Record<string, string> = {}
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[intern(name)] = attribute.value
    }
    const parent = stack[stack.length - 1] ?? null
    const element: XmlElement = {
      kind: 'element',
      name: intern(tag.name),
      local: intern(tag.local),
      uri: intern(tag.uri),
      attributes,
      start,
      end,
      contentStart: end,
      contentEnd: end,
      selfClosing: tag.isSelfClosing,
      children: [],
      parent,
    }
    if (parent) parent.children.push(element)
    else root = element
    stack.push(element)
  })
  parser.on('closetag', () => {
    const element = stack.pop()
    if (!element) return
    const end = parser.position
    if (!element.selfClosing) {
      element.contentEnd = text.lastIndexOf('<', end - 1)
      element.end = end
    }
  })
  parser.on('comment', () => {
    const end = text.indexOf('-->', parser.position - 3) + 3
    others.push({ start: text.lastIndexOf('<!--', end - 3), end, parent: stack.at(-1) ?? null })
  })
  parser.on('processinginstruction', () => {
    const end = parser.position
    others.push({ start: text.lastIndexOf('<?', end - 2), end, parent: stack.at(-1) ?? null })
  })
  parser.on('cdata', (data: string) => {
    const end = parser.position
    const start = text.lastIndexOf('<![CDATA[', end - 3)
    others.push({ start, end, parent: stack.at(-1) ?? null, cdata: data })
  })

  try {
    parser.write(text).close()
  } catch (error) {
    if (error instanceof XmlError) throw error
    // saxes reports malformed XML and undefined entities as plain errors with a position.
    const reason = error instanceof Error ? error.message : String(error)
    throw new XmlError('malformed', `not well-formed XML: ${reason}`)
  }
  if (!root) throw new XmlError('malformed', 'the file holds no XML element')
  fillText(text, root, others, intern)
  return { text, root }
}

/** Puts text, CDATA and the other markup between each element's child elements. */
function fillText(
  text: string,
  root: XmlElement,
  others: ReadonlyArray<{ start: number; end: number; parent: XmlElement | null; cdata?: string }>,
  intern: (text: string) => string,
): void {
  // The indentation between elements repeats too: each run of it is kept once.
  const read = (start: number, end: number) => {
    const decoded = decodeXmlText(text.slice(start, end))
    return decoded.length <= 64 && decoded.trim() === '' ? intern(decoded) : decoded
  }
  const byParent = new Map<XmlElement, typeof others>()
  for (const other of others) {
    if (!other.parent) continue
    const list = byParent.get(other.parent) as Array<(typeof others)[number]> | undefined
    if (list) list.push(other)
    else byParent.set(other.parent, [other])
  }
  const pending: XmlElement[] = [root]
  for (let element = pending.pop(); element; element = pending.pop()) {
    const markup: Array<{ start: number; end: number; node: XmlNode }> = []
    for (const child of element.children) {
      if (child.kind === 'element') {
        markup.push({ start: child.start, end: child.end, node: child })
        pending.push(child)
      }
    }
    for (const other of byParent.get(element) ?? []) {
      const node: XmlNode =
        other.cdata === undefined
          ? { kind: 'other', start: other.start, end: other.end }
          : { kind: 'text', text: other.cdata, start: other.start, end: other.end }
      markup.push({ start: other.start, end: other.end, node })
    }
    markup.sort((a, b) => a.start - b.start)
    const children: XmlNode[] = []
    let at = element.contentStart
    for (const piece of markup) {
      if (piece.start > at) {
        children.push({
          kind: 'text',
          text: read(at, piece.start),
          start: at,
          end: piece.start,
        })
      }
      children.push(piece.node)
      at = piece.end
    }
    if (element.contentEnd > at) {
      children.push({
        kind: 'text',
        text: read(at, element.contentEnd),
        start: at,
        end: element.contentEnd,
      })
    }
    element.children = children
  }
}

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
