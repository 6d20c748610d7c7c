import {
  DEFAULT_EXPORT_POLICY,
  exportedText,
  isTranslated,
  type ExportPolicy,
} from '@qalam/shared/export'
import type { DocumentExportView } from '@qalam/shared/model'
import { rebuildPlainText } from '@qalam/shared/formats'

export interface PlainTextExport {
  text: string
  /** Segments with no translation, written as the policy's fallback. */
  untranslated: number
  /** The text each segment is exported as, in document order. */
  segmentTexts: string[]
}

/**
 * The document as plain text: each translation the policy writes in place of its source, the
 * other segments as its fallback (source, empty or marked), and every original gap and
 * paragraph break exactly as imported.
 */
export function exportPlainText(
  view: DocumentExportView,
  policy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): PlainTextExport {
  let untranslated = 0
  const pieces = view.segments.map((segment) => {
    if (!isTranslated(segment)) untranslated++
    return { before: segment.before, text: exportedText(segment, policy) }
  })
  return {
    text: rebuildPlainText(pieces, view.meta.trailing),
    untranslated,
    segmentTexts: pieces.map((piece) => piece.text),
  }
}
