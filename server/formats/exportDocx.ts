import { createHash } from 'node:crypto'
import { writeDocx, type DocxTargetSegment } from '@qalam/shared/formats'
import {
  DEFAULT_EXPORT_POLICY,
  MARK_CLOSE,
  MARK_OPEN,
  writesTranslation,
  type ExportPolicy,
} from '@qalam/shared/export'
import type { DocumentExportView, ExportedSegment, TaggedText } from '@qalam/shared/model'
import type { OriginalFile } from '../storage/index.ts'
import { OriginalCorruptError } from './exportXliff.ts'

export interface DocxExport {
  bytes: Uint8Array
  /** Segments whose translation was not written (the policy's fallback went in instead). */
  untranslated: number
}

/**
 * What a DOCX export reads of a document, with the policy applied: plain data, so that it can
 * cross to the worker that writes the file as JSON instead of the worker rebuilding the Y.Doc.
 */
export interface DocxExportView {
  targetLang: string
  /** Segments whose translation the policy leaves out (its fallback goes in instead). */
  untranslated: number
  segments: DocxTargetSegment[]
}

/** What goes into the file for one segment under `policy`, tags included. */
function exportedTagged(segment: ExportedSegment, policy: ExportPolicy): TaggedText {
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
 * What the DOCX writer needs of each segment under `policy`. A tag's `display` (the tooltip's
 * copy of the original markup) is left empty: the writer works from `data` alone.
 */
export function readDocxExportView(
  view: DocumentExportView,
  policy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): DocxExportView {
  let untranslated = 0
  const segments: DocxTargetSegment[] = []
  for (const segment of view.segments) {
    if (!writesTranslation(segment, policy.scope)) untranslated++
    segments.push({
      paragraph: segment.paragraph,
      source: segment.source,
      tags: segment.tags.map((tag) => ({ ...tag, display: '' })),
      target: exportedTagged(segment, policy),
    })
  }
  return { targetLang: view.meta.targetLang, untranslated, segments }
}

/**
 * The view written into its original DOCX. Throws `OriginalCorruptError` when the stored file
 * fails its hash, DocxError `mismatch` when its paragraphs and the segments disagree.
 */
export function exportDocx(view: DocxExportView, original: OriginalFile): DocxExport {
  if (createHash('sha256').update(original.bytes).digest('hex') !== original.sha256) {
    throw new OriginalCorruptError('the stored original file does not match its hash')
  }
  return {
    bytes: writeDocx(original.bytes, view.segments, view.targetLang),
    untranslated: view.untranslated,
  }
}
