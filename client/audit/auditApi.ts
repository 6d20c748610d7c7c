import { z } from 'zod'
import { AUDIT_ACTIONS } from '@qalam/shared/workflow'
import { requestJson } from '../http/requestJson.ts'

const auditEntry = z.object({
  id: z.number(),
  at: z.number(),
  userId: z.string(),
  username: z.string(),
  projectId: z.string(),
  documentId: z.string().nullable(),
  segmentId: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  detail: z.record(z.string(), z.unknown()),
})

/** One line of the append-only audit log, with the name of who did it. */
export type AuditEntry = z.infer<typeof auditEntry>

const projectPage = z.object({ entries: z.array(auditEntry), next: z.number().nullable() })

export type AuditPage = z.infer<typeof projectPage>

/** A project's activity, newest first; pass the previous page's `next` as `before`. */
export function fetchProjectAudit(
  projectId: string,
  before: number | null,
  limit: number,
  signal?: AbortSignal,
): Promise<AuditPage> {
  const query = new URLSearchParams({ limit: String(limit) })
  if (before !== null) query.set('before', String(before))
  return requestJson(`/api/projects/${encodeURIComponent(projectId)}/audit?${query}`, projectPage, {
    signal,
  })
}

/** Everything that happened to one segment, newest first. */
export async function fetchSegmentAudit(
  documentId: string,
  segmentId: string,
  signal?: AbortSignal,
): Promise<AuditEntry[]> {
  const url = `/api/documents/${encodeURIComponent(documentId)}/segments/${encodeURIComponent(segmentId)}/audit`
  return (await requestJson(url, z.object({ entries: z.array(auditEntry) }), { signal })).entries
}
