import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type ElementNode } from 'lexical'

/**
 * Puts a collapsed caret `offset` characters into the editor's plain text, counted the way the
 * grid shows a target (`readLexicalText`: paragraphs joined by one "\n", a line break is one
 * character); null, or an offset past the text, puts it at the end.
 */
export function $selectTextOffset(offset: number | null): void {
  const root = $getRoot()
  if (offset === null) {
    root.selectEnd()
    return
  }
  let remaining = offset
  for (const block of root.getChildren()) {
    if (!$isElementNode(block)) continue
    const size = block.getTextContentSize()
    if (remaining <= size) {
      $selectInBlock(block, remaining)
      return
    }
    remaining -= size + 1
  }
  root.selectEnd()
}

function $selectInBlock(block: ElementNode, offset: number): void {
  let remaining = offset
  let index = 0
  for (const child of block.getChildren()) {
    index++
    if ($isTextNode(child)) {
      const size = child.getTextContentSize()
      if (remaining <= size) {
        child.select(remaining, remaining)
        return
      }
      remaining -= size
    } else if ($isLineBreakNode(child)) {
      if (remaining === 0) {
        block.select(index - 1, index - 1)
        return
      }
      remaining -= 1
    }
  }
  block.selectEnd()
}
