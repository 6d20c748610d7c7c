import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { languageDirection } from '@qalam/shared/text'
import { ShortcutHelp } from '../actions/ShortcutHelp.tsx'
import { useSegmentShortcuts } from '../actions/useSegmentShortcuts.ts'
import { languageLabel } from '../documents/languageLabel.ts'
import { SegmentGrid } from '../grid/SegmentGrid.tsx'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import { useDocumentMeta, useSegmentCount, useSegmentStore } from '../grid/useSegmentStore.ts'
import type { LocalUser } from '../presence/identity.ts'
import type { PresenceStore } from '../presence/PresenceStore.ts'
import { usePresenceStore } from '../presence/usePresence.ts'
import { useLocalUser } from '../presence/UserContext.tsx'
import type { DocumentSession } from './DocumentSession.ts'
import { DocumentHeader } from './DocumentHeader.tsx'
import { useConnectionState, useDocumentSession, useHasSynced } from './useDocumentSession.ts'

/** `/documents/:id`: the translation grid of one document, shared live with everyone in it. */
export function DocumentPage() {
  const { id = '' } = useParams()
  const user = useLocalUser()
  const session = useDocumentSession(id, user)
  if (session === null || session.documentId !== id)
    return <PageMessage messageKey="document.loading" />
  return <OpenDocument session={session} user={user} />
}

function OpenDocument({ session, user }: { session: DocumentSession; user: LocalUser }) {
  const connection = useConnectionState(session)
  const hasSynced = useHasSynced(session)
  const store = useSegmentStore(session.doc)
  const presence = usePresenceStore(session.provider.awareness)
  if (connection === 'notFound') return <PageMessage messageKey="document.notFound" withBackLink />
  if (!hasSynced || store === null || presence === null)
    return <PageMessage messageKey="document.loading" />
  return <Workbench session={session} user={user} store={store} presence={presence} />
}

function Workbench({
  session,
  user,
  store,
  presence,
}: {
  session: DocumentSession
  user: LocalUser
  store: SegmentStore
  presence: PresenceStore
}) {
  const { t, i18n } = useTranslation()
  const meta = useDocumentMeta(store)
  const segmentCount = useSegmentCount(store)
  const connection = useConnectionState(session)
  const [activeIndex, setActiveIndex] = useState<number | null>(null)
  const [isHelpOpen, setHelpOpen] = useState(false)
  const activate = useCallback((index: number) => setActiveIndex(index), [])

  const activeId = activeIndex === null ? null : (store.segment(activeIndex)?.id ?? null)
  useEffect(() => session.setActiveSegment(activeId), [session, activeId])

  useSegmentShortcuts({
    doc: session.doc,
    segmentCount,
    segment: (index) => store.segment(index),
    activeIndex,
    userId: user.id,
    activate,
  })

  const language = i18n.resolvedLanguage ?? 'en'
  const source = useMemo(
    () => ({
      lang: meta.sourceLang,
      dir: languageDirection(meta.sourceLang),
      label: languageLabel(t, meta.sourceLang, language),
    }),
    [meta.sourceLang, t, language],
  )
  const target = useMemo(
    () => ({
      lang: meta.targetLang,
      dir: languageDirection(meta.targetLang),
      label: languageLabel(t, meta.targetLang, language),
    }),
    [meta.targetLang, t, language],
  )

  return (
    <div className="workbench">
      <DocumentHeader
        documentId={session.documentId}
        store={store}
        presence={presence}
        connection={connection}
        sourceLabel={source.label}
        targetLabel={target.label}
        onToggleShortcuts={() => setHelpOpen((open) => !open)}
      />
      <div className="workbench__body">
        <SegmentGrid
          store={store}
          presence={presence}
          doc={session.doc}
          provider={session.provider}
          user={user}
          source={source}
          target={target}
          activeIndex={activeIndex}
          onActivate={activate}
        />
        {isHelpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
      </div>
    </div>
  )
}

function PageMessage({
  messageKey,
  withBackLink = false,
}: {
  messageKey: 'document.loading' | 'document.notFound'
  withBackLink?: boolean
}) {
  const { t } = useTranslation()
  return (
    <div className="page-message" role="status">
      <p>{t(messageKey)}</p>
      {withBackLink && <Link to="/">{t('document.backToList')}</Link>}
    </div>
  )
}
