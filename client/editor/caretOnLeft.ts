import * as Y from 'yjs'

type CaretState = Record<string, unknown>

/**
 * Rewrites the local caret the Lexical binding stores in awareness so that it holds on to the
 * letter this user just typed. The binding gives a collapsed caret `assoc = 0`: it stays in front
 * of the character on its right (or at the end of the paragraph), and after every remote change
 * the binding puts the caret back where that position now resolves. When a colleague's letter
 * lands at the caret's own offset, which happens whenever two people type at the end of one
 * text, the caret jumps behind the colleague's letter and the next keystroke goes after it: two
 * phrases interleave letter by letter. Stuck to the user's own last letter (`assoc = -1`), the
 * caret stays at the end of their own run and a remote insert at the same offset goes after it.
 *
 * A caret at the start of a paragraph holds on to the start, so two people who opened an empty
 * segment together each keep their own place while the other one types. A caret the user put
 * after someone else's letter (a click at the end of a colleague's sentence while they are still
 * typing it) keeps the binding's choice and moves on with their typing, so that the joiner's
 * words land after the colleague's, not inside their next word. A selected range also keeps it:
 * its ends already hold on to the selected letters.
 */
export function withCaretOnLeft(state: CaretState, doc: Y.Doc): CaretState {
  const anchor = asRelativePosition(state.anchorPos)
  const focus = asRelativePosition(state.focusPos)
  if (anchor === null || focus === null) return state
  const anchorAt = Y.createAbsolutePositionFromRelativePosition(anchor, doc)
  const focusAt = Y.createAbsolutePositionFromRelativePosition(focus, doc)
  if (anchorAt === null || focusAt === null) return state
  if (anchorAt.type !== focusAt.type || anchorAt.index !== focusAt.index) return state
  const caret = caretAt(anchorAt.type, anchorAt.index, doc)
  return { ...state, anchorPos: caret, focusPos: caret }
}

/** The relative position `withCaretOnLeft` gives a collapsed caret at `index` of `type`. */
export function caretAt<Event>(
  type: Y.AbstractType<Event>,
  index: number,
  doc: Y.Doc,
): Y.RelativePosition {
  const onLeft = Y.createRelativePositionFromTypeIndex(type, index, -1)
  // `item` is null at the start of a paragraph: there the caret holds on to the start.
  return onLeft.item === null || onLeft.item.client === doc.clientID
    ? onLeft
    : Y.createRelativePositionFromTypeIndex(type, index, 0)
}

/** Whether writing `next` over `current` would change nothing another client can see. */
export function isSameCaretState(next: CaretState, current: CaretState | null): boolean {
  if (current === null) return false
  const keys = new Set([...Object.keys(next), ...Object.keys(current)])
  for (const key of keys) {
    const a = next[key]
    const b = current[key]
    if (a === b) continue
    if (key === 'anchorPos' || key === 'focusPos') {
      const left = asRelativePosition(a)
      const right = asRelativePosition(b)
      if (left !== null && right !== null && Y.compareRelativePositions(left, right)) continue
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) return false
  }
  return true
}

function asRelativePosition(value: unknown): Y.RelativePosition | null {
  return value instanceof Y.RelativePosition ? value : null
}
