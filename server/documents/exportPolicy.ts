import type * as Y from 'yjs'
import {
  effectivePolicy,
  exportReport,
  type ExportPolicy,
  type ExportReport,
} from '@qalam/shared/export'
import type { DocumentExportView } from '@qalam/shared/model'
import type { AuthStore } from '../auth/index.ts'
import { replayDocument, type DocumentStore } from '../storage/index.ts'

/** Where a document is read: the open room's live state first, else the store's. */
export interface ExportSources {
  store: DocumentStore
  liveDocument(documentId: string): Y.Doc | undefined
}

/**
 * The open room's document, or the stored one replayed on this thread (undefined when it is
 * gone). Exports read stored documents in a worker instead (`exportInSlot`).
 */
export async function liveOrReplayed(
  sources: ExportSources,
  documentId: string,
): Promise<Y.Doc | undefined> {
  const live = sources.liveDocument(documentId)
  if (live) return live
  const stored = await sources.store.loadDocument(documentId)
  return stored ? replayDocument(stored) : undefined
}

/** The policy an export of a project's document uses, and whether the project's rule fixed it. */
export interface ResolvedPolicy {
  policy: ExportPolicy
  approvedOnlyRule: boolean
}

/** `asked`, with the scope forced to approved when the project's rule says so. */
export async function resolveExportPolicy(
  auth: AuthStore,
  projectId: string,
  asked: ExportPolicy,
): Promise<ResolvedPolicy> {
  const approvedOnlyRule = await auth.exportApprovedOnly(projectId)
  return { policy: effectivePolicy(asked, approvedOnlyRule), approvedOnlyRule }
}

/** The pre-export report of a document under a resolved policy, as the API returns it. */
export function documentExportReport(
  view: DocumentExportView,
  resolved: ResolvedPolicy,
): ExportReport & { approvedOnlyRule: boolean } {
  return {
    ...exportReport(view.segments, resolved.policy),
    approvedOnlyRule: resolved.approvedOnlyRule,
  }
}
