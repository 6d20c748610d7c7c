import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import {
  findRepetitions,
  rejectSegment as writeRejection,
  type SegmentView,
} from '@qalam/shared/model'
import { languageDirection } from '@qalam/shared/text'
import { may } from '@qalam/shared/workflow'
import { gotoNextToReview } from '../actions/approveAndNext.ts'
import { AnalysisPanel } from '../analysis/AnalysisPanel.tsx'
import type {
  ApprovalRequest,
  NavigationNotice,
  SegmentActionContext,
} from '../actions/segmentAction.ts'
import { ShortcutHelp } from '../actions/ShortcutHelp.tsx'
import { useSegmentShortcuts } from '../actions/useSegmentShortcuts.ts'
import { useLocalUser } from '../auth/SessionContext.tsx'
import { fetchDocument, type DocumentSummary } from '../documents/documentSummary.ts'
import { FindBars } from '../find/FindBars.tsx'
import { FindHighlightProvider } from '../find/FindHighlight.tsx'
import { parseSegmentNumber } from '../find/segmentNumber.ts'
import { useFindBars } from '../find/useFindBars.ts'
import { RepeatedSegmentsProvider } from '../repetitions/RepeatedSegments.tsx'
import { RepetitionsBar, type RepetitionOffer } from '../repetitions/RepetitionsBar.tsx'
import { languageLabel } from '../documents/languageLabel.ts'
import { SegmentGrid } from '../grid/SegmentGrid.tsx'
import type { SegmentStore } from '../grid/SegmentStore.ts'
import {
  useDocumentMeta,
  useLiveProgress,
  useSegment,
  useSegmentCount,
  useSegmentStatuses,
  useSegmentStore,
} from '../grid/useSegmentStore.ts'
import { ApiError } from '../http/requestJson.ts'
import { useRequest } from '../http/useRequest.ts'
import { translateError } from '../i18n/translateError.ts'
import type { LocalUser } from '../presence/identity.ts'
import type { PresenceStore } from '../presence/PresenceStore.ts'
import { useCollaborators, usePresenceStore } from '../presence/usePresence.ts'
import { ApproveBusyDialog } from '../review/ApproveBusyDialog.tsx'
import { approveSegments } from '../review/approveSegments.ts'
import { RejectDialog } from '../review/RejectDialog.tsx'
import { translatedInView, visibleRows } from '../review/statusFilter.ts'
import { useStatusFilterParam } from '../review/useStatusFilterParam.ts'
import { WorkflowBar } from '../review/WorkflowBar.tsx'
import type { DocumentSession, Refusal } from './DocumentSession.ts'
import { DocumentHeader } from './DocumentHeader.tsx'
import { RefusalNotice } from './RefusalNotice.tsx'
import { SegmentDetails } from './SegmentDetails.tsx'
import { TermHighlightProvider } from '../glossary/TermHighlight.tsx'
import { TermsPanel } from '../glossary/TermsPanel.tsx'
import { useDocumentTerms } from '../glossary/useDocumentTerms.ts'
import { MatchPanel } from '../matches/MatchPanel.tsx'
import { insertMatch } from '../matches/insertMatch.ts'
import { ConcordanceDialog, type ConcordanceRequest } from '../concordance/ConcordanceDialog.tsx'
import { useSegmentMatches } from '../matches/useSegmentMatches.ts'
import {
  useConnectionState,
  useDocumentSession,
  useHasSynced,
  type OpenSession,
} from './useDocumentSession.ts'

/** `/documents/:id`: the translation grid of one document, shared live with everyone in it. */
export function DocumentPage() {
  const { i18n } = useTranslation()
  const { id = '' } = useParams()
  const user = useLocalUser()
  const load = useCallback((signal: AbortSignal) => fetchDocument(id, signal), [id])
  // Read again when the server says the user's access changed: the role may be another now.
  const [summary, reloadSummary] = useRequest(load)
  // Connect while the summary loads rather than after: the server loads the document meanwhile,
  // and for a long text that is most of the wait. The server checks access on its own.
  const opened = useDocumentSession(id, user, reloadSummary)
  if (summary.kind === 'loading') return <PageMessage message="document.loading" />
  if (summary.kind === 'failed') {
    if (summary.error instanceof ApiError && summary.error.status === 404)
      return <PageMessage message="document.notFound" withBackLink />
    return <PageMessage text={translateError(i18n, summary.error)} withBackLink />
  }
  return <DocumentView key={summary.value.id} summary={summary.value} user={user} opened={opened} />
}

function DocumentView({
  summary,
  user,
  opened,
}: {
  summary: DocumentSummary
  user: LocalUser
  opened: OpenSession
}) {
  const { session, refusal, dismissRefusal } = opened
  if (session === null || session.documentId !== summary.id)
    return <PageMessage message="document.loading" />
  return (
    <OpenDocument
      session={session}
      summary={summary}
      user={user}
      refusal={refusal}
      onDismissRefusal={dismissRefusal}
    />
  )
}

interface OpenDocumentProps {
  session: DocumentSession
  summary: DocumentSummary
  user: LocalUser
  refusal: Refusal | null
  onDismissRefusal: () => void
}

function OpenDocument(props: OpenDocumentProps) {
  const { session } = props
  const connection = useConnectionState(session)
  const hasSynced = useHasSynced(session)
  const store = useSegmentStore(session.doc)
  const presence = usePresenceStore(session.provider.awareness)
  if (connection === 'notFound') return <PageMessage message="document.notFound" withBackLink />
  if (!hasSynced || store === null || presence === null)
    return <PageMessage message="document.loading" />
  return <Workbench {...props} store={store} presence={presence} />
}

function Workbench({
  session,
  summary,
  user,
  refusal,
  onDismissRefusal,
  store,
  presence,
}: OpenDocumentProps & { store: SegmentStore; presence: PresenceStore }) {
  const { t, i18n } = useTranslation()
  const role = summary.role
  const meta = useDocumentMeta(store)
  const segmentCount = useSegmentCount(store)
  const statuses = useSegmentStatuses(store)
  const progress = useLiveProgress(store, summary.progress)
  // `?segment=12` (an activity entry's link) opens the document at that segment.
  const [params] = useSearchParams()
  const [activeIndex, setActiveIndex] = useState<number | null>(() => {
    const linked = parseSegmentNumber(params.get('segment') ?? '', segmentCount)
    return linked === null ? null : linked - 1
  })
  const [isHelpOpen, setHelpOpen] = useState(false)
  const [filter, setFilter] = useStatusFilterParam()
  const [rejecting, setRejecting] = useState<SegmentView | null>(null)
  const [notice, setNotice] = useState<NavigationNotice | null>(null)
  // The latest confirmed segment with repetitions to offer; `key` starts each offer afresh.
  const [repetitionOffer, setRepetitionOffer] = useState<
    (RepetitionOffer & { key: number }) | null
  >(null)
  const [approving, setApproving] = useState<{
    request: ApprovalRequest
    approve: () => void
  } | null>(null)
  // Who else has which segment open: Ctrl+Enter passes these by, approving them asks first.
  const collaborators = useCollaborators(presence)
  const editorsBySegment = useMemo(() => {
    const bySegment = new Map<string, string[]>()
    for (const collaborator of collaborators) {
      if (collaborator.segmentId === null) continue
      const names = bySegment.get(collaborator.segmentId) ?? []
      if (!names.includes(collaborator.name)) names.push(collaborator.name)
      bySegment.set(collaborator.segmentId, names)
    }
    return bySegment
  }, [collaborators])
  // A new object each time, so revealing the same segment twice scrolls to it twice.
  const [reveal, setReveal] = useState<{ index: number } | null>(null)
  const activate = useCallback((index: number) => {
    setActiveIndex(index)
    setNotice(null)
  }, [])

  const activeId = activeIndex === null ? null : (store.segment(activeIndex)?.id ?? null)
  useEffect(() => session.setActiveSegment(activeId), [session, activeId])

  const rows = useMemo(() => visibleRows(statuses, filter), [statuses, filter])
  const glossary = useDocumentTerms(
    session.documentId,
    session.provider.awareness,
    meta.sourceLang,
    meta.targetLang,
  )
  const activeSource = activeIndex === null ? '' : (store.segment(activeIndex)?.source ?? '')
  const termHits = useMemo(
    () => glossary.recognizer?.find(activeSource) ?? [],
    [glossary.recognizer, activeSource],
  )
  const approvable = useMemo(() => translatedInView(statuses, rows), [statuses, rows])
  const matches = useSegmentMatches(session.documentId, store, activeIndex)
  const activeSegment = activeIndex === null ? undefined : store.segment(activeIndex)
  const activeLocked = activeSegment?.status === 'approved' || activeSegment?.isProtected === true

  // Find and go to reach every segment: one the status filter hides shows the whole list again.
  const showSegment = (index: number) => {
    if (rows !== null && !rows.includes(index)) setFilter('all')
    setReveal({ index })
  }
  const goToSegment = (index: number) => {
    showSegment(index)
    activate(index)
  }
  const findBars = useFindBars(store, session.doc, activeIndex, showSegment)
  const [concordance, setConcordance] = useState<ConcordanceRequest | null>(null)
  // Read before the dialog takes the focus: the words selected in the editor or a source.
  const openConcordance = () =>
    setConcordance((earlier) => ({
      count: (earlier?.count ?? 0) + 1,
      selection: (window.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim(),
    }))

  const context: SegmentActionContext = {
    doc: session.doc,
    segmentCount,
    segment: (index) => store.segment(index),
    activeIndex,
    userId: user.id,
    role,
    activate,
    requestRejection: setRejecting,
    notify: setNotice,
    editorsOf: (segmentId) => editorsBySegment.get(segmentId) ?? [],
    confirmApproval: (request, approve) => setApproving({ request, approve }),
    openFind: findBars.openFind,
    openGoTo: findBars.openGoTo,
    openConcordance,
    offerRepetitions: (segment) => {
      const count = findRepetitions(session.doc, segment.id, { differingOnly: true }).length
      // A confirmation without repetitions leaves an earlier offer (and its Undo) where it is.
      if (count === 0) return
      setRepetitionOffer((earlier) => ({
        segmentId: segment.id,
        number: segment.index + 1,
        count,
        key: (earlier?.key ?? 0) + 1,
      }))
    },
  }
  useSegmentShortcuts(context)

  const approvableIds = approvable.flatMap((index) => store.segment(index)?.id ?? [])
  const busyIds = approvableIds.filter((segmentId) => editorsBySegment.has(segmentId))
  const busyInView = {
    count: busyIds.length,
    names: [...new Set(busyIds.flatMap((segmentId) => editorsBySegment.get(segmentId) ?? []))],
  }
  const approveAllInView = (includeBusy: boolean) => {
    const ids = includeBusy
      ? approvableIds
      : approvableIds.filter((segmentId) => !editorsBySegment.has(segmentId))
    approveSegments(session.doc, ids, user.id)
  }

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
    <div className="workbench" data-role={role}>
      <DocumentHeader
        documentId={session.documentId}
        projectId={summary.projectId}
        role={role}
        title={summary.title}
        store={store}
        serverProgress={summary.progress}
        presence={presence}
        session={session}
        sourceLabel={source.label}
        targetLabel={target.label}
        onToggleShortcuts={() => setHelpOpen((open) => !open)}
        onOpenConcordance={openConcordance}
        onGoToSegment={goToSegment}
      />
      {refusal !== null && <RefusalNotice refusal={refusal} onDismiss={onDismissRefusal} />}
      <ActiveWorkflowBar
        store={store}
        context={context}
        filter={filter}
        onFilter={setFilter}
        counts={progress.byStatus}
        approvableInView={approvable.length}
        busyInView={busyInView}
        onApproveAll={approveAllInView}
        notice={notice}
      />
      {repetitionOffer !== null && may(role, 'editTarget') && (
        <RepetitionsBar
          key={repetitionOffer.key}
          doc={session.doc}
          userId={user.id}
          offer={repetitionOffer}
          onClose={() => setRepetitionOffer(null)}
        />
      )}
      <FindBars bars={findBars} segmentCount={segmentCount} onGo={goToSegment} />
      <div className="workbench__body">
        <RepeatedSegmentsProvider doc={session.doc}>
          <FindHighlightProvider
            query={findBars.open === 'find' ? findBars.find.query : ''}
            current={findBars.open === 'find' ? findBars.find.current : null}
          >
            <TermHighlightProvider index={activeIndex} hits={termHits}>
              <SegmentGrid
                store={store}
                presence={presence}
                doc={session.doc}
                provider={session.provider}
                user={user}
                source={source}
                target={target}
                rows={rows}
                mayEdit={may(role, 'editTarget')}
                activeIndex={activeIndex}
                onActivate={activate}
                reveal={reveal}
              />
            </TermHighlightProvider>
          </FindHighlightProvider>
        </RepeatedSegmentsProvider>
        {/* One column beside the grid: matches, terms, then the segment's details and history. */}
        <div className="workbench__side">
          <MatchPanel
            state={matches}
            hasSegment={activeId !== null}
            source={activeSource}
            sourceLang={meta.sourceLang}
            targetLang={meta.targetLang}
            mayInsert={may(role, 'editTarget') && !activeLocked}
            onGoToSegment={goToSegment}
            onInsert={(match) =>
              insertMatch(match, { doc: session.doc, segmentId: activeId, userId: user.id })
            }
          />
          <TermsPanel
            projectId={summary.projectId}
            documentId={session.documentId}
            onGoToSegment={goToSegment}
            hasSegment={activeId !== null}
            terms={glossary.terms}
            hits={termHits}
            sourceLang={meta.sourceLang}
            targetLang={meta.targetLang}
            onAdded={glossary.announceChange}
          />
          <SegmentDetails
            documentId={session.documentId}
            store={store}
            index={activeIndex}
            suggestions={{
              doc: session.doc,
              userId: user.id,
              mayEdit: may(role, 'editTarget'),
              target,
            }}
          />
          <AnalysisPanel documentId={session.documentId} title={summary.title} />
        </div>
        {isHelpOpen && <ShortcutHelp role={role} onClose={() => setHelpOpen(false)} />}
      </div>
      <ConcordanceDialog
        documentId={session.documentId}
        request={concordance}
        onClose={() => setConcordance(null)}
      />
      {may(role, 'approve') && (
        <ApproveBusyDialog
          request={approving?.request ?? null}
          onApprove={() => approving?.approve()}
          onClose={() => setApproving(null)}
        />
      )}
      {may(role, 'approve') && (
        <RejectDialog
          segmentNumber={rejecting === null ? null : rejecting.index + 1}
          onReject={(reason) => {
            if (rejecting === null) return
            writeRejection(session.doc, rejecting.id, reason, user.id)
            // The reviewer goes on reviewing, as after an approval.
            if (rejecting.index === activeIndex) gotoNextToReview(context, rejecting.index)
          }}
          onClose={() => setRejecting(null)}
        />
      )}
    </div>
  )
}

/** The workflow bar, re-rendered when the active segment changes (its text enables buttons). */
function ActiveWorkflowBar({
  store,
  context,
  ...props
}: Omit<Parameters<typeof WorkflowBar>[0], 'total'> & { store: SegmentStore }) {
  useSegment(store, context.activeIndex ?? 0)
  return <WorkflowBar context={context} total={context.segmentCount} {...props} />
}

function PageMessage({
  message,
  text,
  withBackLink = false,
}: {
  message?: 'document.loading' | 'document.notFound'
  text?: string
  withBackLink?: boolean
}) {
  const { t } = useTranslation()
  return (
    <div className="page-message" role="status" data-testid="page-message">
      <p>{text ?? (message === undefined ? '' : t(message))}</p>
      {withBackLink && <Link to="/">{t('projects.backToList')}</Link>}
    </div>
  )
}
