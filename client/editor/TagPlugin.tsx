import { useEffect } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import {
  $createNodeSelection,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isNodeSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_HIGH,
  COPY_COMMAND,
  CUT_COMMAND,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_DOWN_COMMAND,
  PASTE_COMMAND,
  mergeRegister,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
} from 'lexical'
import {
  missingTags,
  segmentTags,
  sourceTagged,
  tagKey,
  type InlineTag,
  type SegmentMap,
  type TagRef,
} from '@qalam/shared/model'
import { tagTooltip } from '../tags/tagTooltip.ts'
import { $createTagNode, $isTagNode, TagNode } from './TagNode.ts'
import '../tags/tags.css'

/*
 * Makes the target's tag chips hard to lose and easy to place:
 * - Backspace or Delete next to a chip selects it; only a second press removes it.
 * - A click selects a chip; Alt+Shift+← / → moves the selected chip one character.
 * - F9 inserts the next tag of the source that the target does not have yet, at the caret.
 * - Cut, copy and paste carry chips between places of the same segment (the plain-text
 *   editor would otherwise paste only their text); a chip the segment does not own is never
 *   pasted, so a paste cannot make the server refuse the edit.
 * - Each chip's tooltip shows the tag's original markup.
 */

const CLIPBOARD_TYPE = 'application/x-qalam-tagged'

type ClipboardPiece = string | TagRef

export const INSERT_NEXT_TAG_KEY = 'F9'

/** Keys of the tag chips in the current selection, or an empty list. */
function $selectedTags(): TagNode[] {
  const selection = $getSelection()
  if (!$isNodeSelection(selection)) return []
  return selection.getNodes().filter((node): node is TagNode => $isTagNode(node))
}

/** The node just before (or after) a collapsed caret, when that is a tag chip. */
function $chipBesideCaret(isBackward: boolean): TagNode | null {
  const selection = $getSelection()
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null
  const anchor = selection.anchor
  const node = anchor.getNode()
  let neighbour: LexicalNode | null = null
  if ($isTextNode(node)) {
    const atEdge = isBackward ? anchor.offset === 0 : anchor.offset === node.getTextContentSize()
    if (atEdge) neighbour = isBackward ? node.getPreviousSibling() : node.getNextSibling()
  } else if ($isElementNode(node)) {
    neighbour = node.getChildAtIndex(isBackward ? anchor.offset - 1 : anchor.offset)
  }
  return $isTagNode(neighbour) ? neighbour : null
}

function $selectChip(chip: TagNode): void {
  const selection = $createNodeSelection()
  selection.add(chip.getKey())
  $setSelection(selection)
}

/** Removes the selected chips, leaving the caret where the first one was. */
function $removeSelectedChips(chips: TagNode[]): void {
  const first = chips[0]
  if (!first) return
  const previous = first.getPreviousSibling()
  const parent = first.getParentOrThrow()
  const index = first.getIndexWithinParent()
  for (const chip of chips) chip.remove()
  if ($isTextNode(previous)) previous.selectEnd()
  else parent.select(index, index)
}

/** Tags the target holds now, in order. */
function $placedTags(): TagRef[] {
  const refs: TagRef[] = []
  for (const node of $getRoot().getChildren()) {
    if (!$isElementNode(node)) continue
    for (const child of node.getChildren()) if ($isTagNode(child)) refs.push(child.getTag())
  }
  return refs
}

/** The segment's tags in the order the source has them (the list's order for the rest). */
function tagsInSourceOrder(segment: SegmentMap): InlineTag[] {
  const list = segmentTags(segment)
  const byKey = new Map(list.map((tag) => [tagKey(tag), tag]))
  const ordered: InlineTag[] = []
  for (const placed of sourceTagged(segment).tags) {
    const tag = byKey.get(tagKey(placed))
    if (tag) {
      ordered.push(tag)
      byKey.delete(tagKey(placed))
    }
  }
  return [...ordered, ...byKey.values()]
}

/** Inserts `pieces` at the selection, text as text and tags as chips. */
function $insertPieces(pieces: readonly ClipboardPiece[]): void {
  const selection = $getSelection()
  if (!$isRangeSelection(selection)) return
  const nodes = pieces.map((piece) =>
    typeof piece === 'string' ? $createTextNode(piece) : $createTagNode(piece),
  )
  selection.insertNodes(nodes)
}

function $moveChip(chip: TagNode, isForward: boolean): boolean {
  const sibling = isForward ? chip.getNextSibling() : chip.getPreviousSibling()
  if (sibling === null) return false
  if ($isTextNode(sibling) && sibling.getTextContentSize() > 1) {
    // Step over one character: split the text and put the chip between the halves.
    const size = sibling.getTextContentSize()
    const [left, right] = sibling.splitText(isForward ? 1 : size - 1)
    if (isForward) left!.insertAfter(chip)
    else right!.insertBefore(chip)
  } else if (isForward) sibling.insertAfter(chip)
  else sibling.insertBefore(chip)
  $selectChip(chip)
  return true
}

function readClipboard(
  event: ClipboardEvent | KeyboardEvent | InputEvent | null,
): unknown[] | null {
  if (!(event instanceof ClipboardEvent)) return null
  const data = event.clipboardData?.getData(CLIPBOARD_TYPE)
  if (!data) return null
  try {
    const parsed: unknown = JSON.parse(data)
    return Array.isArray(parsed) ? (parsed as unknown[]) : null
  } catch {
    // Another program's data under our type: paste it as plain text instead.
    return null
  }
}

/** The selection as clipboard pieces (text and tags), or null when it holds no chip. */
function $selectionPieces(): ClipboardPiece[] | null {
  const selection = $getSelection()
  if (selection === null) return null
  const nodes = selection.getNodes()
  if (!nodes.some((node) => $isTagNode(node))) return null
  const pieces: ClipboardPiece[] = []
  for (const node of nodes) {
    if ($isTagNode(node)) pieces.push(node.getTag())
    else if ($isTextNode(node)) {
      const text = $isRangeSelection(selection)
        ? node.getTextContent().slice(...textRange(node, selection))
        : node.getTextContent()
      if (text) pieces.push(text)
    }
  }
  return pieces
}

function textRange(node: LexicalNode, selection: RangeSelection): [number, number] {
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus]
  const from = start.key === node.getKey() ? start.offset : 0
  const to = end.key === node.getKey() ? end.offset : node.getTextContentSize()
  return [from, to]
}

function registerTags(editor: LexicalEditor, segment: SegmentMap): () => void {
  const list = segmentTags(segment)
  const byKey = new Map(list.map((tag) => [tagKey(tag), tag]))

  const onClipboard = (event: ClipboardEvent | KeyboardEvent | null, isCut: boolean) => {
    if (!(event instanceof ClipboardEvent) || !event.clipboardData) return false
    const pieces = editor.getEditorState().read($selectionPieces)
    if (pieces === null) return false
    event.preventDefault()
    event.clipboardData.setData(CLIPBOARD_TYPE, JSON.stringify(pieces))
    event.clipboardData.setData(
      'text/plain',
      pieces.map((piece) => (typeof piece === 'string' ? piece : '')).join(''),
    )
    if (isCut && editor.isEditable()) {
      editor.update(() => {
        const selection = $getSelection()
        if ($isNodeSelection(selection)) $removeSelectedChips($selectedTags())
        else if ($isRangeSelection(selection)) selection.removeText()
      })
    }
    return true
  }

  return mergeRegister(
    editor.registerMutationListener(TagNode, (mutations) => {
      for (const [key, mutation] of mutations) {
        if (mutation === 'destroyed') continue
        const element = editor.getElementByKey(key)
        const tag = editor.getEditorState().read(() => {
          const node = $getNodeByKey(key)
          return $isTagNode(node) ? byKey.get(tagKey(node.getTag())) : undefined
        })
        if (!element || !tag) continue
        element.title = tagTooltip(tag)
        element.setAttribute('aria-label', tagTooltip(tag))
        element.onmousedown = (event) => {
          event.preventDefault()
          editor.update(() => {
            const node = $getNodeByKey(key)
            if ($isTagNode(node)) $selectChip(node)
          })
        }
      }
    }),
    editor.registerUpdateListener(({ editorState }) => {
      // Lexical marks no decorator as selected by itself: the chip's class follows the selection.
      editorState.read(() => {
        const selected = new Set($selectedTags().map((chip) => chip.getKey()))
        for (const block of $getRoot().getChildren()) {
          if (!$isElementNode(block)) continue
          for (const child of block.getChildren()) {
            if (!$isTagNode(child)) continue
            const element = editor.getElementByKey(child.getKey())
            element?.classList.toggle('tag-chip--selected', selected.has(child.getKey()))
          }
        }
      })
    }),
    editor.registerCommand(
      KEY_BACKSPACE_COMMAND,
      (event) => protectChip(event, true),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_DELETE_COMMAND,
      (event) => protectChip(event, false),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (event.key === INSERT_NEXT_TAG_KEY && !event.ctrlKey && !event.altKey) {
          event.preventDefault()
          if (!editor.isEditable()) return true
          editor.update(() => {
            const next = missingTags(tagsInSourceOrder(segment), $placedTags())[0]
            if (next) $insertPieces([{ kind: next.kind, n: next.n }])
          })
          return true
        }
        const isMove =
          event.altKey &&
          event.shiftKey &&
          (event.key === 'ArrowLeft' || event.key === 'ArrowRight')
        if (!isMove) return false
        const chip = editor.getEditorState().read(() => $selectedTags()[0] ?? null)
        if (chip === null) return false
        event.preventDefault()
        if (!editor.isEditable()) return true
        // Left and right follow the text's direction: in Arabic, → moves towards the start.
        const isRtl = editor.getRootElement()?.dir === 'rtl'
        const isForward = (event.key === 'ArrowRight') !== isRtl
        editor.update(() => {
          const latest = $getNodeByKey(chip.getKey())
          if ($isTagNode(latest)) $moveChip(latest, isForward)
        })
        return true
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      COPY_COMMAND,
      (event) => onClipboard(event, false),
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(CUT_COMMAND, (event) => onClipboard(event, true), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const raw = readClipboard(event)
        if (raw === null) return false
        event.preventDefault()
        if (!editor.isEditable()) return true
        editor.update(() => {
          const present = new Set($placedTags().map(tagKey))
          const pieces: ClipboardPiece[] = []
          for (const piece of raw) {
            if (typeof piece === 'string') pieces.push(piece)
            else if (typeof piece === 'object' && piece !== null) {
              const { kind, n } = piece as Record<string, unknown>
              const key = `${String(kind)}:${String(n)}`
              // Only this segment's tags, and only once: a pasted duplicate would be an error
              // the tag check has to report, never something a paste should create.
              const tag = byKey.get(key)
              if (tag && !present.has(key)) {
                pieces.push({ kind: tag.kind, n: tag.n })
                present.add(key)
              }
            }
          }
          $insertPieces(pieces)
        })
        return true
      },
      COMMAND_PRIORITY_HIGH,
    ),
  )

  function protectChip(event: KeyboardEvent, isBackward: boolean): boolean {
    const state = editor.getEditorState()
    const selected = state.read($selectedTags)
    if (selected.length > 0) {
      event.preventDefault()
      if (editor.isEditable()) editor.update(() => $removeSelectedChips($selectedTags()))
      return true
    }
    const chip = state.read(() => $chipBesideCaret(isBackward))
    if (chip === null) return false
    event.preventDefault()
    editor.update(() => {
      const latest = $getNodeByKey(chip.getKey())
      if ($isTagNode(latest)) $selectChip(latest)
    })
    return true
  }
}

/** Protected, movable tag chips in the target editor of a segment with inline tags. */
export function TagPlugin({ segment }: { segment: SegmentMap }): null {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    if (segmentTags(segment).length === 0) return undefined
    return registerTags(editor, segment)
  }, [editor, segment])
  return null
}
