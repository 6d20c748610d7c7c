import { SaxesParser, type SaxesTagNS } from 'saxes'
import { decodeXmlText } from './xmlText.ts'

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
  let root: XmlElement | null = null
  streamXml(
    text,
    { isWhole: (element) => element.parent === null, onWhole: (element) => (root = element) },
    limits,
  )
  if (!root) throw new XmlError('malformed', 'the file holds no XML element')
  return { text, root }
}

/** Which elements `streamXml` reads whole, and what it tells of the others. */
export interface XmlStreamReader {
  /**
   * Whether an element just opened (attributes read, outside any element read whole) is read
   * whole. Its ancestors are known through `parent` but hold no children.
   */
  isWhole(element: XmlElement): boolean
  /** An element read whole, its content complete, once its end tag is read. */
  onWhole(element: XmlElement): void
  /** An element opened outside any element read whole (the root, the containers). */
  onOpen?(element: XmlElement): void
}

/**
 * Reads `text` as `scanXml` does, with the same checks and limits, but builds the tree only of
 * the elements `reader` reads whole, one at a time: a large file is never held as one tree.
 * Elements outside them keep their ranges and attributes but no children. An error thrown by
 * `reader` comes out as it is.
 */
export function streamXml(
  text: string,
  reader: XmlStreamReader,
  limits: XmlLimits = DEFAULT_XML_LIMITS,
): void {
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
  let elements = 0
  // The element read whole that is open now, if any: the tree is built only inside it.
  let whole: XmlElement | null = null
  // Markup that is not an element, in document order, with its exact range (inside `whole`).
  let others: OtherMarkup[] = []
  let hasReaderFailed = false
  const call = <T>(callback: () => T): T => {
    try {
      return callback()
    } catch (error) {
      hasReaderFailed = true
      throw error
    }
  }

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
    if (whole) parent!.children.push(element)
    else {
      call(() => reader.onOpen?.(element))
      if (call(() => reader.isWhole(element))) whole = element
    }
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
    if (element !== whole) return
    whole = null
    fillText(text, element, others, intern)
    others = []
    call(() => reader.onWhole(element))
  })
  parser.on('comment', () => {
    if (!whole) return
    const end = text.indexOf('-->', parser.position - 3) + 3
    others.push({ start: text.lastIndexOf('<!--', end - 3), end, parent: stack.at(-1)! })
  })
  parser.on('processinginstruction', () => {
    if (!whole) return
    const end = parser.position
    others.push({ start: text.lastIndexOf('<?', end - 2), end, parent: stack.at(-1)! })
  })
  parser.on('cdata', (data: string) => {
    if (!whole) return
    const end = parser.position
    const start = text.lastIndexOf('<![CDATA[', end - 3)
    others.push({ start, end, parent: stack.at(-1)!, cdata: data })
  })

  try {
    parser.write(text).close()
  } catch (error) {
    if (error instanceof XmlError || hasReaderFailed) throw error
    // saxes reports malformed XML and undefined entities as plain errors with a position.
    const reason = error instanceof Error ? error.message : String(error)
    throw new XmlError('malformed', `not well-formed XML: ${reason}`)
  }
}

interface OtherMarkup {
  start: number
  end: number
  parent: XmlElement
  cdata?: string
}

/** Puts text, CDATA and the other markup between each element's child elements. */
function fillText(
  text: string,
  root: XmlElement,
  others: readonly OtherMarkup[],
  intern: (text: string) => string,
): void {
  // The indentation between elements repeats too: each run of it is kept once.
  const read = (start: number, end: number) => {
    const decoded = decodeXmlText(text.slice(start, end))
    return decoded.length <= 64 && decoded.trim() === '' ? intern(decoded) : decoded
  }
  const byParent = new Map<XmlElement, OtherMarkup[]>()
  for (const other of others) {
    const list = byParent.get(other.parent)
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
