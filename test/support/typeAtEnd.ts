import type * as Y from 'yjs'
import { segmentAt, segmentTarget } from '@qalam/shared/model'

/** Appends `text` to the first paragraph of segment `index`'s target, as typing at the end does. */
export function typeAtEnd(doc: Y.Doc, index: number, text: string): void {
  const target = segmentTarget(segmentAt(doc, index)!)
  const paragraph = (target.toDelta() as Array<{ insert: unknown }>)[0]!.insert as Y.XmlText
  paragraph.insert(paragraph.length, text)
}
