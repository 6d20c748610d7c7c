import * as Y from 'yjs'
import { segmentTarget, segmentsArray } from '@qalam/shared/model'

/** What a target holds now: characters of text and Lexical nodes (blocks, text, line breaks). */
export interface TargetSize {
  chars: number
  nodes: number
}

/**
 * Walks a target's live content without recursion: a target written before the depth limit
 * existed may nest thousands deep.
 */
export function measureTarget(target: Y.XmlText): TargetSize {
  const size: TargetSize = { chars: 0, nodes: 0 }
  const pending: Array<{ _start: Y.Item | null }> = [target]
  for (let type = pending.pop(); type; type = pending.pop()) {
    for (let item = type._start; item; item = item.right) {
      if (item.deleted) continue
      if (item.content instanceof Y.ContentString) size.chars += item.length
      else if (item.content instanceof Y.ContentType) {
        size.nodes++
        pending.push(item.content.type)
      }
    }
  }
  return size
}

/** Characters of target text in the whole document; costs a walk of every target. */
export function documentTargetChars(doc: Y.Doc): number {
  let chars = 0
  segmentsArray(doc).forEach((segment) => (chars += measureTarget(segmentTarget(segment)).chars))
  return chars
}
