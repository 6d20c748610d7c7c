import type * as Y from 'yjs'
import {
  effectivePolicy,
  exportReport,
  type ExportPolicy,
  type ExportReport,
} from '@qalam/shared/export'
import type { DocumentExportView } from '@qalam/shared/model'
import type { AuthStore } from '../auth/index.ts'
import type { DocumentStore } from '../storage/index.ts'

/** Where a document is read: the open room's live state first, else the store's. */
export interface ExportSources {
  store: DocumentStore
  liveDocument(documentId: string): Y.Doc | undefined
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
