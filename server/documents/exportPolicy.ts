import type * as Y from 'yjs'
import {
  effectivePolicy,
  exportReport,
  type ExportPolicy,
  type ExportReport,
} from '@qalam/shared/export'
import { readSegments } from '@qalam/shared/model'
import type { AuthStore } from '../auth/index.ts'
import { replayDocument, type DocumentStore } from '../storage/index.ts'

/** Where an export reads a document: the open room's live state first, else the store's. */
export interface ExportSources {
  store: DocumentStore
  liveDocument(documentId: string): Y.Doc | undefined
}

/** The document as an export sees it, or undefined when it is gone. */
export async function loadForExport(
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
  doc: Y.Doc,
  resolved: ResolvedPolicy,
): ExportReport & { approvedOnlyRule: boolean } {
  return {
    ...exportReport(readSegments(doc), resolved.policy),
    approvedOnlyRule: resolved.approvedOnlyRule,
  }
}
