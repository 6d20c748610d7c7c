import type { ParsedPlainText } from '@qalam/shared/formats'
import type { SegmentInit } from '@qalam/shared/model'
import { createDocument } from '../documents/index.ts'
import type { DocumentStore, DocumentSummary } from '../storage/index.ts'

/** One reviewed pair: the source text becomes a segment, the target its translation. */
export interface ConfirmedPair {
  source: string
  target: string
  /** Paragraph of the source text; pairs of one paragraph are exported on one line. */
  paragraph: number
}

export interface AlignedDocumentInput {
  title: string
  /** Canonical BCP 47 tags. */
  sourceLang: string
  targetLang: string
  /** Every source non-empty; callers reject the rest first. */
  pairs: readonly ConfirmedPair[]
}

const SAME_PARAGRAPH = ' '
const NEW_PARAGRAPH = '\n\n'

/**
 * The segments of an aligned document in a plain-text layout: pairs of one paragraph joined by
 * a space, paragraphs by a blank line. The original layout of the files is not kept, because
 * the reviewed pairs no longer map one to one onto its sentences.
 */
export function alignedLayout(pairs: readonly ConfirmedPair[]): ParsedPlainText {
  let paragraph = -1
  const segments = pairs.map((pair, index): SegmentInit => {
    const opensParagraph = index === 0 || pair.paragraph !== pairs[index - 1]!.paragraph
    if (opensParagraph) paragraph++
    const target = pair.target.trim()
    return {
      source: pair.source.trim(),
      paragraph,
      before: index === 0 ? '' : opensParagraph ? NEW_PARAGRAPH : SAME_PARAGRAPH,
      target,
      status: target === '' ? 'new' : 'translated',
    }
  })
  return { segments, trailing: '\n' }
}

/** Stores a document whose segments carry the reviewed translations, through createDocument. */
export function createAlignedDocument(
  store: DocumentStore,
  input: AlignedDocumentInput,
  now = Date.now(),
): Promise<DocumentSummary> {
  return createDocument(
    store,
    {
      title: input.title,
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      parsed: alignedLayout(input.pairs),
    },
    now,
  )
}
