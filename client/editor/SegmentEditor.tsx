import { memo, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer'
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin'
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { PlainTextPlugin } from '@lexical/react/LexicalPlainTextPlugin'
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin'
import type * as Y from 'yjs'
import { segmentTarget, type SegmentMap } from '@qalam/shared/model'
import type { TextDirection } from '@qalam/shared/text'
import type { LocalUser } from '../presence/identity.ts'
import { createSharedProviderFactory, type SharedProvider } from './sharedProvider.ts'
import { LoadTargetPlugin } from './LoadTargetPlugin.tsx'
import { DraftOnEditPlugin } from './DraftOnEditPlugin.tsx'
import { EditablePlugin } from './EditablePlugin.tsx'
import { CaretOnLeftPlugin } from './CaretOnLeftPlugin.tsx'
import { UnmergedTextPlugin } from './UnmergedTextPlugin.tsx'
import { InitialCaretPlugin } from './InitialCaretPlugin.tsx'
import { createBindingSignal } from './bindingSignal.ts'
import { TagNode } from './TagNode.ts'
import { TagPlugin } from './TagPlugin.tsx'
import { LockGuardPlugin } from './LockGuardPlugin.tsx'
import { LockNotice } from '../review/LockNotice.tsx'
import { InsertTextPlugin } from '../glossary/InsertTextPlugin.tsx'

interface SegmentEditorProps {
  doc: Y.Doc
  provider: SharedProvider
  segment: SegmentMap
  segmentId: string
  user: LocalUser
  isReadOnly: boolean
  lang: string
  dir: TextDirection
  /** Characters before the caret when the editor opens; null puts it at the end. */
  caretOffset?: number | null
  /** Who approved the segment, when it is approved and they are known. */
  approver?: string | null
}

const THEME = { paragraph: 'segment-editor__paragraph', ltr: 'ltr', rtl: 'rtl' }

/**
 * The one mounted editor: the active segment's target, bound to its Y.XmlText through the
 * document's shared provider. Remount it (React `key`) to edit another segment: a Lexical
 * binding cannot be repointed. Memoized: its row re-renders on every keystroke (the row's
 * snapshot holds the text), and the editor's tree of plugins need not.
 */
export const SegmentEditor = memo(function SegmentEditor({
  doc,
  provider,
  segment,
  segmentId,
  user,
  isReadOnly,
  lang,
  dir,
  caretOffset = null,
  approver = null,
}: SegmentEditorProps) {
  const { t } = useTranslation()
  const cursorsRef = useRef<HTMLDivElement>(null)
  const binding = useMemo(() => createBindingSignal(), [])
  const providerFactory = useMemo(
    () => createSharedProviderFactory(provider, doc, binding.notify),
    [provider, doc, binding],
  )
  const getXmlText = useMemo(() => () => segmentTarget(segment), [segment])
  const awarenessData = useMemo(() => ({ userId: user.id }), [user.id])
  const [lock, setLock] = useState({ whileOpen: false, refused: 0 })
  const initialConfig: InitialConfigType = {
    namespace: 'segment-target',
    // null: the Y.XmlText, not Lexical, owns the initial content.
    editorState: null,
    editable: !isReadOnly,
    theme: THEME,
    nodes: [TagNode],
    onError: (error) => {
      throw error
    },
  }
  return (
    <div className="segment-editor">
      <LexicalCollaboration>
        <LexicalComposer initialConfig={initialConfig}>
          <PlainTextPlugin
            contentEditable={
              <ContentEditable
                className="segment-editor__input"
                lang={lang}
                dir={dir}
                aria-label={t('grid.targetEditor')}
                aria-readonly={isReadOnly}
                spellCheck
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
          <CollaborationPlugin
            id={segmentId}
            providerFactory={providerFactory}
            shouldBootstrap={false}
            getXmlText={getXmlText}
            username={user.name}
            cursorColor={user.color}
            awarenessData={awarenessData}
            cursorsContainerRef={cursorsRef}
          />
          <UnmergedTextPlugin />
          <CaretOnLeftPlugin awareness={provider.awareness} doc={doc} />
          <LoadTargetPlugin target={segmentTarget(segment)} whenBound={binding.whenBound} />
          <InitialCaretPlugin offset={caretOffset} whenBound={binding.whenBound} />
          <DraftOnEditPlugin doc={doc} segment={segment} userId={user.id} />
          <EditablePlugin isEditable={!isReadOnly} />
          <TagPlugin segment={segment} />
          <LockGuardPlugin
            segment={segment}
            onLocked={() => setLock((state) => ({ ...state, whileOpen: true }))}
            onUnlocked={() => setLock({ whileOpen: false, refused: 0 })}
            onRefused={() => setLock((state) => ({ ...state, refused: state.refused + 1 }))}
          />
          <InsertTextPlugin />
          <AutoFocusPlugin defaultSelection="rootEnd" />
        </LexicalComposer>
      </LexicalCollaboration>
      <div ref={cursorsRef} className="segment-editor__cursors" />
      {(lock.whileOpen || lock.refused > 0) && (
        <LockNotice approver={approver} whileOpen={lock.whileOpen} refused={lock.refused} />
      )}
    </div>
  )
})
