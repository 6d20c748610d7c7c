import type { XmlElement } from '../xml/index.ts'

/** WordprocessingML main namespace: Transitional, and Strict OOXML. */
export const W_TRANSITIONAL = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
export const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main'
export const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

/** Whether `element` is the WordprocessingML element `local` (either conformance class). */
export function isW(element: XmlElement, local?: string): boolean {
  return (
    (element.uri === W_TRANSITIONAL || element.uri === W_STRICT) &&
    (local === undefined || element.local === local)
  )
}

/** The WordprocessingML child `local` of `element`, if any. */
export function wChild(element: XmlElement, local: string): XmlElement | undefined {
  for (const child of element.children) {
    if (child.kind === 'element' && isW(child, local)) return child
  }
  return undefined
}

/** A WordprocessingML attribute by local name, whatever its prefix. */
export function wAttribute(element: XmlElement, local: string): string | undefined {
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === local || name.endsWith(`:${local}`)) return value
  }
  return undefined
}

/** The prefix (with its colon, or '') a part's root uses for WordprocessingML. */
export function wPrefix(root: XmlElement): string {
  if (isW(root)) return root.name.includes(':') ? `${root.name.split(':')[0]}:` : ''
  for (const [name, value] of Object.entries(root.attributes)) {
    if ((value === W_TRANSITIONAL || value === W_STRICT) && name.startsWith('xmlns:')) {
      return `${name.slice(6)}:`
    }
  }
  return 'w:'
}
