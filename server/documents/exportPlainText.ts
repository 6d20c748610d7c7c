import type * as Y from 'yjs'
import { readMeta, readSegments } from '@qalam/shared/model'
import { rebuildPlainText } from '@qalam/shared/formats'

export interface PlainTextExport {
  text: string
  /** Segments left in the source language because their target is empty. */
  untranslated: number
  /** The text each segment is exported as, in document order (its target, or its source). */
  segmentTexts: string[]
}

/**
 * The document as plain text: each translation in place of its source, untranslated segments
 * kept in the source language, and every original gap and paragraph break exactly as imported.
 */
export function exportPlainText(doc: Y.Doc): PlainTextExport {
  let untranslated = 0
  const pieces = readSegments(doc).map((segment) => {
    const hasTarget = segment.target.trim().length > 0
    if (!hasTarget) untranslated++
    return { before: segment.before, text: hasTarget ? segment.target : segment.source }
  })
  return {
    text: rebuildPlainText(pieces, readMeta(doc).trailing),
    untranslated,
    segmentTexts: pieces.map((piece) => piece.text),
  }
}
