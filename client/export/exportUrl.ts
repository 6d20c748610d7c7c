import type { Encoding } from '@qalam/shared/api'
import type { ExportFormat } from '@qalam/shared/model'
import { DEFAULT_EXPORT_POLICY, type ExportPolicy } from '@qalam/shared/export'
import { policyParams } from './exportPolicyApi.ts'

/** What an export may be written in: an encoding, or `original` for the one the source came in. */
export type ExportEncoding = Encoding | 'original'

/**
 * What to export: plain text in an encoding, or another format, written in the encoding its
 * own file declares (XLIFF, HTML and Markdown: the original's; new XLIFF and TMX: UTF-8).
 */
export type ExportChoice =
  { format: 'txt'; encoding: ExportEncoding } | { format: Exclude<ExportFormat, 'txt'> }

/**
 * Where the server serves the document rebuilt in the target language, as `choice` says, writing
 * the translations `policy` chooses.
 */
export function exportUrl(
  documentId: string,
  choice: ExportChoice = { format: 'txt', encoding: 'utf-8' },
  policy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): string {
  const query = new URLSearchParams({
    ...(choice.format === 'txt'
      ? { format: 'txt', encoding: choice.encoding }
      : { format: choice.format }),
    ...policyParams(policy),
  })
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`
}
