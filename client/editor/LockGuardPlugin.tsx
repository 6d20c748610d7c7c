import { useEffect, useRef } from 'react'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { observeSegmentStatus, segmentStatus, type SegmentMap } from '@qalam/shared/model'

interface LockGuardProps {
  segment: SegmentMap
  /** Someone else approved the segment while this editor was open. */
  onLocked(): void
  /** The segment is no longer approved (reopened). */
  onUnlocked(): void
  /** A key or input was refused because the segment is approved. */
  onRefused(): void
}

/**
 * Makes the editor read-only in the very task that applies an approval, and refuses every
 * keystroke after it. The server keeps what this client sent before it had the approval (see
 * server/sync/ApprovalWindows.ts) and refuses anything after, so nothing may be sent after:
 * waiting for React to re-render the editor read-only would leave a few keystrokes that the
 * server refuses, and a refused client loses its copy. The editor keeps the focus, so a key
 * pressed next is refused here, visibly, instead of scrolling the grid (space) or vanishing.
 */
export function LockGuardPlugin({
  segment,
  onLocked,
  onUnlocked,
  onRefused,
}: LockGuardProps): null {
  const [editor] = useLexicalComposerContext()
  const latest = useRef({ onLocked, onUnlocked, onRefused })
  useEffect(() => {
    latest.current = { onLocked, onUnlocked, onRefused }
  })
  useEffect(() => {
    const isLocked = () => segmentStatus(segment) === 'approved'
    const refuse = (event: Event) => {
      event.preventDefault()
      event.stopImmediatePropagation()
      latest.current.onRefused()
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (isLocked() && !event.isComposing && isTypingKey(event)) refuse(event)
    }
    const onBeforeInput = (event: Event) => {
      if (isLocked()) refuse(event)
    }
    let root: HTMLElement | null = null
    const listen = (element: HTMLElement | null) => {
      root?.removeEventListener('keydown', onKeyDown, true)
      root?.removeEventListener('beforeinput', onBeforeInput, true)
      root = element
      root?.addEventListener('keydown', onKeyDown, true)
      root?.addEventListener('beforeinput', onBeforeInput, true)
    }
    const stopRoot = editor.registerRootListener((element) => listen(element))
    const stopStatus = observeSegmentStatus(segment, (status, isLocal) => {
      if (status !== 'approved') {
        latest.current.onUnlocked()
        return
      }
      editor.setEditable(false)
      if (root !== null) {
        // Lexical's ContentEditable re-renders with these on its own, a frame later.
        const hadFocus = root.contains(document.activeElement)
        root.tabIndex = -1
        root.contentEditable = 'false'
        if (hadFocus) root.focus({ preventScroll: true })
      }
      // A reviewer who approved here needs no notice of it.
      if (!isLocal) latest.current.onLocked()
    })
    return () => {
      stopStatus()
      stopRoot()
      listen(null)
    }
  }, [editor, segment])
  return null
}

const EDITING_KEYS: ReadonlySet<string> = new Set(['Enter', 'Backspace', 'Delete'])

/** A key that types, deletes or breaks a line (a space too), not a shortcut or a move. */
function isTypingKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false
  return [...event.key].length === 1 || EDITING_KEYS.has(event.key)
}
