import type { Encoding } from '@qalam/shared/api'
import { DEFAULT_EXPORT_POLICY, type ExportPolicy } from '@qalam/shared/export'
import { policyParams } from './exportPolicyApi.ts'

/** What an export may be written in: an encoding, or `original` for the one the source came in. */
export type ExportEncoding = Encoding | 'original'

/**
 * Where the server serves the document rebuilt in the target language, in `encoding`, writing
 * the translations `policy` chooses.
 */
export function exportUrl(
  documentId: string,
  encoding: ExportEncoding = 'utf-8',
  policy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): string {
  const query = new URLSearchParams({ format: 'txt', encoding, ...policyParams(policy) })
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`
}
