import * as Y from 'yjs'
import { Awareness } from 'y-protocols/awareness'
import { createHeadlessEditor } from '@lexical/headless'
import {
  createYjsBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Binding,
  type Provider,
} from '@lexical/yjs'
import {
  $createParagraphNode,
  $createRangeSelection,
  $setSelection,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  COLLABORATION_TAG,
  SKIP_COLLAB_TAG,
  type Klass,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical'
import {
  rejectSegment,
  segmentAt,
  segmentTarget,
  segmentStatus,
  setStatus,
} from '@qalam/shared/model'

/*
 * A translator's editor without a browser: a headless Lexical editor bound to one segment's
 * target through @lexical/yjs, wired the way @lexical/react's CollaborationPlugin wires it
 * (observeDeep for remote changes, an update listener for local ones). Every Yjs update the
 * peer produces is collected, so tests and benchmarks can hand the exact bytes a browser
 * would send to the server.
 */

export interface HeadlessPeer {
  doc: Y.Doc
  editor: LexicalEditor
  /** Updates produced locally since the last `takeUpdates()`, in order. */
  takeUpdates(): Uint8Array[]
  /** Applies bytes from the server, as the provider would. */
  receive(update: Uint8Array): void
  /** Types `text` at the end of the segment, one editor update per character. */
  type(text: string): void
  /** Presses Backspace `count` times at the end of the segment. */
  backspace(count: number): void
  /** Selects everything in the segment and deletes it. */
  clear(): void
  setStatus(status: Parameters<typeof setStatus>[2]): void
  /** A reviewer's rejection with a reason, as the review UI writes it. */
  reject(reason: string): void
  text(): string
  status(): string
  destroy(): void
}

const REMOTE = Symbol('remote')

/** A peer that has synced `initial` and binds its editor to the segment at `segmentIndex`. */
export function createHeadlessPeer(
  initial: Uint8Array,
  segmentIndex: number,
  userId: string,
  /** Node classes the editor registers besides the built-in ones (the tag chip). */
  nodes: ReadonlyArray<Klass<LexicalNode>> = [],
): HeadlessPeer {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, initial, REMOTE)
  const segment = segmentAt(doc, segmentIndex)
  if (!segment) throw new Error(`no segment ${segmentIndex}`)
  const segmentIdValue = String(segment.toJSON().id)

  const editor = createHeadlessEditor({
    namespace: 'peer',
    nodes: [...nodes],
    onError: (error) => {
      throw error
    },
  })
  const awareness = new Awareness(doc)
  const provider: Provider = {
    awareness,
    // The peer is its own transport: tests move bytes by hand, so there is nothing to connect.
    connect: () => undefined,
    disconnect: () => undefined,
    on: () => undefined,
    off: () => undefined,
  } as unknown as Provider
  const docMap = new Map<string, Y.Doc>([[segmentIdValue, doc]])
  const binding: Binding = createYjsBinding({
    editor,
    id: segmentIdValue,
    doc,
    docMap,
    getXmlText: () => segmentTarget(segment),
  })

  const onYjsTreeChanges = (
    events: Array<Y.YEvent<Y.AbstractType<unknown>>>,
    tr: Y.Transaction,
  ) => {
    if (tr.origin !== binding) {
      syncYjsChangesToLexical(binding, provider, events as never, false)
    }
  }
  binding.root.getSharedType().observeDeep(onYjsTreeChanges)
  const removeListener = editor.registerUpdateListener(
    ({ prevEditorState, editorState, dirtyLeaves, dirtyElements, normalizedNodes, tags }) => {
      if (!tags.has(SKIP_COLLAB_TAG)) {
        syncLexicalUpdateToYjs(
          binding,
          provider,
          prevEditorState,
          editorState,
          dirtyElements,
          dirtyLeaves,
          normalizedNodes,
          tags,
        )
      }
    },
  )

  let updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE) updates.push(update)
  })

  // A target with no paragraph at all (documents imported before the model wrote one) gets
  // one from the editor, as typing into an empty Lexical root does.
  if (segmentTarget(segment).length === 0) {
    editor.update(() => $getRoot().append($createParagraphNode()), { discrete: true })
  } else {
    // The target already has text: load it the way syncYjsChangesToLexical loads a remote
    // child-list change, tagged as collaboration so it is not written back to Yjs.
    editor.update(
      () => {
        binding.root.applyChildrenYjsDelta(binding, segmentTarget(segment).toDelta())
        binding.root.syncChildrenFromYjs(binding)
      },
      { discrete: true, tag: COLLABORATION_TAG },
    )
  }

  const edit = (fn: () => void) => editor.update(fn, { discrete: true })

  return {
    doc,
    editor,
    takeUpdates() {
      const taken = updates
      updates = []
      return taken
    },
    receive(update) {
      Y.applyUpdate(doc, update, REMOTE)
      editor.read(() => undefined)
    },
    type(text) {
      for (const char of text) {
        edit(() => {
          $getRoot().selectEnd()
          const selection = $getSelection()
          if ($isRangeSelection(selection)) selection.insertText(char)
        })
      }
    },
    backspace(count) {
      for (let i = 0; i < count; i++) {
        // deleteCharacter asks the DOM for grapheme boundaries; the peer has no window, so it
        // selects the last character itself and removes it as a Backspace would.
        edit(() => {
          const last = $getRoot().getLastDescendant()
          if (!$isTextNode(last) || last.getTextContentSize() === 0) return
          const size = last.getTextContentSize()
          last.select(size - 1, size)
          const selection = $getSelection()
          if ($isRangeSelection(selection)) selection.removeText()
        })
      }
    },
    clear() {
      // Ctrl+A then Delete: a range from the first to the last character, removed.
      edit(() => {
        const first = $getRoot().getFirstDescendant()
        const last = $getRoot().getLastDescendant()
        if (!$isTextNode(first) || !$isTextNode(last)) return
        const selection = $createRangeSelection()
        selection.anchor.set(first.getKey(), 0, 'text')
        selection.focus.set(last.getKey(), last.getTextContentSize(), 'text')
        $setSelection(selection)
        selection.removeText()
      })
    },
    setStatus(status) {
      setStatus(doc, segmentIdValue, status, userId)
    },
    reject(reason) {
      rejectSegment(doc, segmentIdValue, reason, userId)
    },
    text() {
      return editor.read(() => $getRoot().getTextContent())
    },
    status() {
      return segmentStatus(segment)
    },
    destroy() {
      removeListener()
      binding.root.getSharedType().unobserveDeep(onYjsTreeChanges)
      awareness.destroy()
      doc.destroy()
    },
  }
}
