import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { caretAt, isSameCaretState, withCaretOnLeft } from './caretOnLeft.ts'

/** Two replicas of one paragraph, kept in sync by hand. */
function twoReplicas() {
  const mine = new Y.Doc()
  const theirs = new Y.Doc()
  const sync = () => {
    Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine, Y.encodeStateVector(theirs)))
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(theirs, Y.encodeStateVector(mine)))
  }
  return { mine, theirs, sync, text: (doc: Y.Doc) => doc.getText('p') }
}

const indexOf = (position: unknown, doc: Y.Doc) =>
  Y.createAbsolutePositionFromRelativePosition(position as Y.RelativePosition, doc)?.index

function bindingCaret(type: Y.Text, index: number) {
  const position = Y.createRelativePositionFromTypeIndex(type, index)
  return { anchorPos: position, focusPos: position, name: 'A' }
}

describe('the local caret held on to its left', () => {
  test('stays after the letter I typed when a colleague types at the same offset', () => {
    const { mine, theirs, sync, text } = twoReplicas()
    text(mine).insert(0, 'abc')
    sync()
    const asWritten = bindingCaret(text(mine), 3)
    const state = withCaretOnLeft(asWritten, mine)
    text(theirs).insert(3, 'XYZ')
    sync()
    expect(text(mine).toString()).toBe('abcXYZ')
    expect(indexOf(state.anchorPos, mine)).toBe(3)
    // What the binding wrote would have jumped behind the colleague's letters.
    expect(indexOf(asWritten.anchorPos, mine)).toBe(6)
  })

  test('moves on with a colleague’s typing when their letter is on its left', () => {
    const { mine, theirs, sync, text } = twoReplicas()
    text(theirs).insert(0, 'abc')
    sync()
    const state = withCaretOnLeft(bindingCaret(text(mine), 3), mine)
    text(theirs).insert(3, 'd')
    sync()
    expect(indexOf(state.anchorPos, mine)).toBe(4)
  })

  test('holds on to the start of an empty paragraph while a colleague types there', () => {
    const { mine, theirs, sync, text } = twoReplicas()
    const state = withCaretOnLeft(bindingCaret(text(mine), 0), mine)
    text(theirs).insert(0, 'abc')
    sync()
    expect(indexOf(state.anchorPos, mine)).toBe(0)
  })

  test('leaves a selected range as the binding wrote it', () => {
    const { mine, text } = twoReplicas()
    text(mine).insert(0, 'abc')
    const state = {
      anchorPos: Y.createRelativePositionFromTypeIndex(text(mine), 1),
      focusPos: Y.createRelativePositionFromTypeIndex(text(mine), 3, -1),
    }
    expect(withCaretOnLeft(state, mine)).toBe(state)
  })

  test('counts a caret written again at the same place as no change', () => {
    const { mine, text } = twoReplicas()
    text(mine).insert(0, 'abc')
    const position = caretAt(text(mine), 3, mine)
    const again = Y.createRelativePositionFromTypeIndex(text(mine), 3, -1)
    const state = { anchorPos: position, focusPos: position, name: 'A' }
    expect(isSameCaretState({ ...state, anchorPos: again, focusPos: again }, state)).toBe(true)
    expect(isSameCaretState({ ...state, name: 'B' }, state)).toBe(false)
  })
})
