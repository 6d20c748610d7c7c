import type { Encoding } from '@qalam/shared/api'
import type { DocumentFormat } from '@qalam/shared/model'
import { DEFAULT_EXPORT_POLICY, type ExportPolicy } from '@qalam/shared/export'
import { policyParams } from './exportPolicyApi.ts'

/** What an export may be written in: an encoding, or `original` for the one the source came in. */
export type ExportEncoding = Encoding | 'original'

/**
 * What to export: plain text in an encoding, or XLIFF, which is written in the encoding its
 * own file declares (the original's, or UTF-8 for a new file), so it takes none.
 */
export type ExportChoice =
  { format: 'txt'; encoding: ExportEncoding } | { format: Exclude<DocumentFormat, 'txt'> }

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
