/** A place between two characters of the DOM, as the browser's caret would sit there. */
export interface DomCaret {
  node: Node
  offset: number
}

/**
 * The caret position the browser would give a click at (`x`, `y`) in viewport coordinates:
 * `caretPositionFromPoint` (the standard, Chromium 128+), else WebKit's `caretRangeFromPoint`.
 */
export function caretFromPoint(x: number, y: number): DomCaret | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const position = document.caretPositionFromPoint(x, y)
    return position === null ? null : { node: position.offsetNode, offset: position.offset }
  }
  const range = document.caretRangeFromPoint(x, y)
  return range === null ? null : { node: range.startContainer, offset: range.startOffset }
}

/**
 * How many characters of `container`'s text come before the point (`x`, `y`), or null when the
 * point is not over that text (below its last line, in the cell's padding): the caller puts the
 * caret at the end then, as a text field does.
 */
export function textOffsetAtPoint(container: Element, x: number, y: number): number | null {
  const caret = caretFromPoint(x, y)
  if (caret === null || !container.contains(caret.node) || !isOverText(container, x, y)) return null
  const before = document.createRange()
  before.setStart(container, 0)
  before.setEnd(caret.node, caret.offset)
  return before.toString().length
}

// The browser snaps a point below or beside the text to the nearest character; a text field
// instead puts the caret at the end for a click below the last line.
function isOverText(container: Element, x: number, y: number): boolean {
  const range = document.createRange()
  range.selectNodeContents(container)
  for (const rect of range.getClientRects())
    if (y >= rect.top && y <= rect.bottom && x >= rect.left - 1 && x <= rect.right + 1) return true
  return false
}

/**
 * For a press in the open editor's box but outside its editable text (the review note, the
 * presence chips): keeps the focus in the editor and puts the caret under the pointer when it
 * is over the text, at the end of the text otherwise. Lexical reads the DOM selection from there.
 */
export function placeCaretInEditable(editable: HTMLElement, x: number, y: number): void {
  editable.focus({ preventScroll: true })
  const selection = window.getSelection()
  if (selection === null) return
  const caret = caretFromPoint(x, y)
  if (caret !== null && editable.contains(caret.node) && isOverText(editable, x, y)) {
    selection.collapse(caret.node, caret.offset)
    return
  }
  const walker = document.createTreeWalker(editable, NodeFilter.SHOW_TEXT)
  let last: Node | null = null
  while (walker.nextNode() !== null) last = walker.currentNode
  if (last === null) selection.collapse(editable.lastElementChild ?? editable, 0)
  else selection.collapse(last, last.textContent?.length ?? 0)
}
