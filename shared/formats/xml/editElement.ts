import type { XmlElement } from './scanXml.ts'
import { escapeXmlAttribute } from './xmlText.ts'
import type { Splice } from './spliceText.ts'

/*
 * Splices that change one element of an original XML text and nothing around it.
 */

/** Whitespace from the previous line break to `at`, with the break: the indentation there. */
export function indentBefore(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1)
  if (lineStart < 0) return ''
  const indent = text.slice(lineStart, at)
  return /^\s*$/.test(indent) ? indent : ''
}

/**
 * Splices that give an element new content and/or attribute values (null removes one),
 * keeping the other bytes of its tags: an existing value is replaced where it stands, a new
 * one is added before the `>`. A self-closing element gets an end tag when it gets content.
 */
export function rewriteElement(
  element: XmlElement,
  text: string,
  change: { content?: string; attributes?: Readonly<Record<string, string | null>> },
): Splice[] {
  let tag = text.slice(element.start, element.contentStart)
  for (const [name, value] of Object.entries(change.attributes ?? {})) {
    tag = withAttribute(tag, name, value)
  }
  if (change.content === undefined) {
    return [{ start: element.start, end: element.contentStart, insert: tag }]
  }
  if (element.selfClosing) {
    const open = tag.replace(/\s*\/>$/, '>')
    return [
      {
        start: element.start,
        end: element.end,
        insert: `${open}${change.content}</${element.name}>`,
      },
    ]
  }
  const splices: Splice[] = [
    { start: element.contentStart, end: element.contentEnd, insert: change.content },
  ]
  if (change.attributes)
    splices.unshift({ start: element.start, end: element.contentStart, insert: tag })
  return splices
}

function withAttribute(tag: string, name: string, value: string | null): string {
  const pattern = new RegExp(`(\\s+)${name.replace(/[.:-]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`)
  const found = pattern.exec(tag)
  if (found) {
    const replacement = value === null ? '' : `${found[1]}${name}="${escapeXmlAttribute(value)}"`
    return tag.slice(0, found.index) + replacement + tag.slice(found.index + found[0].length)
  }
  if (value === null) return tag
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${name}="${escapeXmlAttribute(value)}"${tag.slice(close)}`
}
