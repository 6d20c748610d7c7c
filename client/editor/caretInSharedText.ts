import type { Binding } from '@lexical/yjs'
import { $getSelection, $isElementNode, $isRangeSelection, $isTextNode } from 'lexical'
import * as Y from 'yjs'

/**
 * Where the collapsed caret of the current editor state sits in the shared text: the XmlText of
 * its paragraph and the index in it, counted the way the binding counts (each text node is one
 * attribute entry followed by its letters). Null for a selected range or a node not bound yet.
 */
export function $caretInSharedText(binding: Binding): { type: Y.XmlText; index: number } | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
  const point = selection.anchor
  const collabNode = binding.collabNodeMap.get(point.key)
  if (collabNode === undefined) return null
  if (point.type === 'text') {
    const parent = collabNode._parent
    if (!(collabNode.getSharedType() instanceof Y.Map) || parent === null) return null
    if (!('_xmlText' in parent)) return null
    const offset = collabNode.getOffset()
    return offset === -1 ? null : { type: parent._xmlText, index: offset + 1 + point.offset }
  }
  const shared = collabNode.getSharedType()
  const element = point.getNode()
  if (!(shared instanceof Y.XmlText) || !$isElementNode(element)) return null
  let index = 0
  let child = element.getFirstChild()
  for (let n = 0; child !== null && n < point.offset; n++) {
    index += $isTextNode(child) ? child.getTextContentSize() + 1 : 1
    child = child.getNextSibling()
  }
  return { type: shared, index }
}
