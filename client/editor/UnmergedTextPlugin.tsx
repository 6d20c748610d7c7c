import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { TextNode } from 'lexical'

/**
 * Marks every text node unmergeable, so Lexical never folds two neighbouring text nodes into one.
 * When two people type the first letters of an empty segment at the same moment, each of them
 * creates a text node, and both end up side by side in the paragraph. Lexical then merges them,
 * and the Yjs binding mirrors the merge by deleting one node's shared entry and rewriting the
 * text of the other: under concurrent typing those rewrites are made from stale copies, and
 * letters that other people typed meanwhile vanish (a colleague joining 300 ms after the first
 * translator lost both their first letters). Left apart, each node keeps its own run of letters,
 * which is also what keeps each person's phrase in one piece. The flag travels with the node
 * (`__detail`), so nodes created by other clients arrive already marked.
 */
export function UnmergedTextPlugin(): null {
  const [editor] = useLexicalComposerContext()
  useEffect(
    () =>
      editor.registerNodeTransform(TextNode, (node) => {
        if (!node.isUnmergeable()) node.toggleUnmergeable()
      }),
    [editor],
  )
  return null
}
