import { createHash } from 'node:crypto'
import type * as Y from 'yjs'
import { writeDocx, type DocxTargetSegment } from '@qalam/shared/formats'
import {
  DEFAULT_EXPORT_POLICY,
  MARK_CLOSE,
  MARK_OPEN,
  writesTranslation,
  type ExportPolicy,
} from '@qalam/shared/export'
import { readMeta, readSegments, type SegmentView, type TaggedText } from '@qalam/shared/model'
import type { OriginalFile } from '../storage/index.ts'
import { OriginalCorruptError } from './exportXliff.ts'

export interface DocxExport {
  bytes: Uint8Array
  /** Segments whose translation was not written (the policy's fallback went in instead). */
  untranslated: number
}

/** What goes into the file for one segment under `policy`, tags included. */
function exportedTagged(segment: SegmentView, policy: ExportPolicy): TaggedText {
  if (writesTranslation(segment, policy.scope)) {
    return { text: segment.target, tags: segment.targetTags }
  }
  switch (policy.fallback) {
    case 'source':
      return { text: segment.source, tags: segment.sourceTags }
    case 'empty':
      return { text: '', tags: [] }
    case 'marked':
      return {
        text: `${MARK_OPEN}${segment.source}${MARK_CLOSE}`,
        tags: segment.sourceTags.map((tag) => ({ ...tag, offset: tag.offset + MARK_OPEN.length })),
      }
  }
}

/**
 * The document written into its original DOCX. Throws `OriginalCorruptError` when the stored
 * file fails its hash, DocxError `mismatch` when its paragraphs and the segments disagree.
 */
export function exportDocx(
  doc: Y.Doc,
  original: OriginalFile,
  policy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): DocxExport {
  if (createHash('sha256').update(original.bytes).digest('hex') !== original.sha256) {
    throw new OriginalCorruptError('the stored original file does not match its hash')
  }
  const meta = readMeta(doc)
  const segments = readSegments(doc)
  const targets: DocxTargetSegment[] = segments.map((segment) => ({
    paragraph: segment.paragraph,
    source: segment.source,
    tags: segment.tags,
    target: exportedTagged(segment, policy),
  }))
  const untranslated = segments.filter(
    (segment) => !writesTranslation(segment, policy.scope),
  ).length
  return { bytes: writeDocx(original.bytes, targets, meta.targetLang), untranslated }
}
