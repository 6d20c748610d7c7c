import { createHash } from 'node:crypto'
import {
  createXliff12,
  createXliff20,
  writeXliff12,
  utf8Output,
  writeXliff20,
  type XliffTargetSegment,
} from '@qalam/shared/formats'
import { DEFAULT_EXPORT_POLICY, writesTranslation, type ExportPolicy } from '@qalam/shared/export'
import type { DocumentExportView } from '@qalam/shared/model'
import type { OriginalFile } from '../storage/index.ts'
import { byteOrderMark, decodeXmlFile, encodeXmlFile } from './xmlFileEncoding.ts'

export interface XliffExport {
  bytes: Uint8Array
  /** Segments whose target is empty. */
  untranslated: number
  /** True when the targets went into the imported file; false for a file made afresh. */
  isRoundTrip: boolean
}

/** The stored original no longer matches its hash: it must not be written back. */
export class OriginalCorruptError extends Error {
  override name = 'OriginalCorruptError'
}

/**
 * The document as XLIFF in `format`: written into the file it was imported from when that was
 * the same format (everything but targets and states kept byte for byte, in its encoding), or
 * made afresh (UTF-8) otherwise. Throws `XliffError` `mismatch` when the original's segments
 * and the document's disagree.
 *
 * `policy` applies as for plain text, but whatever its fallback, a segment whose translation
 * is not written gets an empty target in state `new`: XLIFF already carries the source beside
 * the target, so copying it (`source`) or marking it (`marked`) into the target would claim a
 * translation that is none and break the inline tags' pairing.
 */
export function exportXliff(
  view: DocumentExportView,
  format: 'xliff12' | 'xliff20',
  original: OriginalFile | null,
  policy: ExportPolicy = DEFAULT_EXPORT_POLICY,
): XliffExport {
  const { meta } = view
  if (original && original.format === format) {
    if (createHash('sha256').update(original.bytes).digest('hex') !== original.sha256) {
      throw new OriginalCorruptError('the stored original file does not match its hash')
    }
    // Only what goes into the file is read of the segments, each when its unit is written,
    // and the decoded original is let go before the output is encoded: a large export holds
    // the least it can at once.
    let untranslated = 0
    function* current(): Generator<XliffTargetSegment> {
      for (const segment of view.segments) {
        const isWritten = writesTranslation(segment, policy.scope)
        if (!isWritten || segment.target.trim() === '') untranslated++
        yield isWritten
          ? {
              target: { text: segment.target, tags: segment.targetTags },
              status: segment.status,
              tags: segment.tags,
            }
          : { target: { text: '', tags: [] }, status: 'new', tags: segment.tags }
      }
    }
    const { text, encoding, hasBom } = decodeXmlFile(original.bytes)
    const write = format === 'xliff12' ? writeXliff12 : writeXliff20
    if (encoding === 'utf-8') {
      // Encoded as it is written: the output is never held as strings besides its bytes.
      const output = utf8Output(hasBom ? byteOrderMark(encoding) : undefined)
      const bytes = write(text, current(), meta.targetLang, output)
      return { bytes, untranslated, isRoundTrip: true }
    }
    const written = write(text, current(), meta.targetLang)
    return { bytes: encodeXmlFile(written, encoding, hasBom), untranslated, isRoundTrip: true }
  }
  const segments = view.segments.map((segment) =>
    writesTranslation(segment, policy.scope)
      ? segment
      : { ...segment, target: '', targetTags: [], status: 'new' as const },
  )
  const untranslated = segments.filter((segment) => segment.target.trim() === '').length
  const input = {
    title: meta.title,
    sourceLang: meta.sourceLang,
    targetLang: meta.targetLang,
    segments: segments.map((segment) => ({
      source: { text: segment.source, tags: segment.sourceTags },
      target: { text: segment.target, tags: segment.targetTags },
      status: segment.status,
      tags: segment.tags,
      notes: segment.notes,
    })),
  }
  const text = format === 'xliff12' ? createXliff12(input) : createXliff20(input)
  return { bytes: new TextEncoder().encode(text), untranslated, isRoundTrip: false }
}
