import { z } from 'zod'
import {
  EXPORT_FALLBACKS,
  EXPORT_SCOPES,
  REPORT_KINDS,
  type ExportPolicy,
} from '@qalam/shared/export'
import { jsonInit, requestJson } from '../http/requestJson.ts'

const exportReport = z.object({
  policy: z.object({ scope: z.enum(EXPORT_SCOPES), fallback: z.enum(EXPORT_FALLBACKS) }),
  approvedOnlyRule: z.boolean(),
  segments: z.number(),
  translationsWritten: z.number(),
  fallbacks: z.number(),
  findings: z.array(
    z.object({ kind: z.enum(REPORT_KINDS), count: z.number(), segments: z.array(z.number()) }),
  ),
})

/** The server's pre-export report, with whether the project's rule fixed the scope. */
export type ExportReportView = z.infer<typeof exportReport>

/** The query of an export or a report under `policy`. */
export function policyParams(policy: ExportPolicy): Record<string, string> {
  return { scope: policy.scope, fallback: policy.fallback }
}

/** What an export of the document under `policy` would write (the project's rule applied). */
export function fetchExportReport(
  documentId: string,
  policy: ExportPolicy,
  signal?: AbortSignal,
): Promise<ExportReportView> {
  const query = new URLSearchParams(policyParams(policy))
  return requestJson(
    `/api/documents/${encodeURIComponent(documentId)}/export/report?${query.toString()}`,
    exportReport,
    { signal },
  )
}

const exportRule = z.object({ approvedOnly: z.boolean() })

const ruleUrl = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/export-rule`

/** Whether the project exports approved translations only. */
export async function fetchExportRule(projectId: string, signal?: AbortSignal): Promise<boolean> {
  return (await requestJson(ruleUrl(projectId), exportRule, { signal })).approvedOnly
}

/** Sets the project's approved-only rule (managers). */
export async function setExportRule(projectId: string, approvedOnly: boolean): Promise<void> {
  await requestJson(ruleUrl(projectId), exportRule, jsonInit('PUT', { approvedOnly }))
}
