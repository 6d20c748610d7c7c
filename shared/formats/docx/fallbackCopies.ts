import type { XmlElement } from '../xml/index.ts'
import { MC, isW } from './namespaces.ts'
import type { DocxPart } from './openDocx.ts'
import type { DocxParagraph } from './readParagraph.ts'
import { readStoryParagraphs } from './readStories.ts'

/*
 * Word writes a text box twice: as DrawingML in `mc:Choice` and as VML in `mc:Fallback`, for
 * readers that do not know the first. The import reads the choice only (one segment per
 * sentence, not two); the export writes the same translation into the fallback's copy of each
 * paragraph, so that an older reader does not show the source language.
 */

export interface FallbackCopy {
  /** A paragraph inside an `mc:Fallback`. */
  copy: DocxParagraph
  /** The paragraph of the `mc:Choice` beside it that has the same place and text. */
  of: DocxParagraph
}

/**
 * The fallback paragraphs of a part (or of its element `from`) that copy one of `paragraphs`
 * (those the import read).
 */
export function fallbackCopies(
  part: DocxPart,
  paragraphs: readonly DocxParagraph[],
  from: XmlElement = part.xml.root,
): FallbackCopy[] {
  const copies: FallbackCopy[] = []
  const pending: XmlElement[] = [from]
  for (let element = pending.pop(); element; element = pending.pop()) {
    for (const child of element.children) if (child.kind === 'element') pending.push(child)
    if (element.uri !== MC || element.local !== 'AlternateContent') continue
    const branches = element.children.filter(
      (child): child is XmlElement => child.kind === 'element' && child.uri === MC,
    )
    const choice = branches.find((branch) => branch.local === 'Choice')
    const fallback = branches.find((branch) => branch.local === 'Fallback')
    if (!choice || !fallback) continue
    const chosen = paragraphs.filter(
      (paragraph) => paragraph.element.start >= choice.start && paragraph.element.end <= choice.end,
    )
    const copied = readStoryParagraphs(part, paragraphsIn(fallback))
    if (chosen.length !== copied.length) continue
    chosen.forEach((of, index) => {
      const copy = copied[index]!
      if (copy.text === of.text) copies.push({ copy, of })
    })
  }
  return copies
}

function paragraphsIn(root: XmlElement): XmlElement[] {
  const found: XmlElement[] = []
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      if (child.kind !== 'element') continue
      if (isW(child, 'p')) found.push(child)
      visit(child)
    }
  }
  visit(root)
  return found
}
