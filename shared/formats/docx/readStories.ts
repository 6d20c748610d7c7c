import type { XmlElement } from '../xml/index.ts'
import { isW } from './namespaces.ts'
import type { DocxPart } from './openDocx.ts'
import { readParagraph, type DocxParagraph, type OpenField } from './readParagraph.ts'

/*
 * A story is one flow of text: the body, a header, a footnote, a text box. A complex field may
 * run across paragraphs of its story (a table of contents begins in its first entry and ends
 * in a paragraph of its own), never out of it, so the fields open at a paragraph's end are
 * carried into the next paragraph of the same story only.
 */

/** Elements that start a story of their own. */
const STORY_ROOTS = new Set(['body', 'hdr', 'ftr', 'footnote', 'endnote', 'comment', 'txbxContent'])

/** The complex fields each story has open, by the element that starts the story. */
export type OpenFields = Map<XmlElement, OpenField[]>

/**
 * `elements` (paragraphs of `part`, in document order) read with the complex fields each
 * story has open carried from one paragraph to the next; `open` carries them on from an
 * earlier call (a part read a block at a time).
 */
export function readStoryParagraphs(
  part: DocxPart,
  elements: readonly XmlElement[],
  open: OpenFields = new Map(),
): DocxParagraph[] {
  return elements.map((element) => {
    const story = storyOf(element)
    let fields = open.get(story)
    if (!fields) {
      fields = []
      open.set(story, fields)
    }
    return readParagraph(part, element, fields)
  })
}

function storyOf(paragraph: XmlElement): XmlElement {
  let at = paragraph
  while (at.parent && !(isW(at.parent) && STORY_ROOTS.has(at.parent.local))) at = at.parent
  return at.parent ?? at
}
