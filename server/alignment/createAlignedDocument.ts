import { LOW_CONFIDENCE } from '@qalam/shared/alignment'
import type { ParsedPlainText } from '@qalam/shared/formats'
import type { SegmentInit, SegmentStatus } from '@qalam/shared/model'
import { createDocument } from '../documents/index.ts'
import type { DocumentStore, DocumentSummary } from '../storage/index.ts'

/** One reviewed pair: the source text becomes a segment, the target its translation. */
export interface ConfirmedPair {
  source: string
  target: string
  /** Paragraph of the source text; pairs of one paragraph are exported on one line. */
  paragraph: number
  /** The whitespace before the source in its file; given for every pair or for none. */
  before?: string
  /** Offsets in `source` where its second and later sentences begin. */
  sourceBreaks?: readonly number[]
  /** The aligner's confidence; null or absent when a person made or checked the pair. */
  confidence?: number | null
}

export interface AlignedDocumentInput {
  title: string
  /** Canonical BCP 47 tags. */
  sourceLang: string
  targetLang: string
  /** Every source non-empty; callers reject the rest first. */
  pairs: readonly ConfirmedPair[]
  /** The whitespace after the last sentence of the source file, when pairs carry `before`. */
  trailing?: string
  /** What the source file was read in; an export may write the translation back in it. */
  sourceEncoding?: string
}

const SAME_PARAGRAPH = ' '
const NEW_PARAGRAPH = '\n\n'

/**
 * A translated pair the aligner was unsure of, and that nobody changed, is a draft: it needs a
 * translator's look before it counts as translated.
 */
function statusOf(pair: ConfirmedPair, target: string): SegmentStatus {
  if (target === '') return 'new'
  const isDoubtful = typeof pair.confidence === 'number' && pair.confidence < LOW_CONFIDENCE
  return isDoubtful ? 'draft' : 'translated'
}

/**
 * The segments of an aligned document. With `trailing`, in the source file's own layout: each
 * pair's whitespace before it, its source as the file has it, the file's trailing whitespace,
 * so that the export rebuilds the file's lines. Without, in a plain layout: pairs of one
 * paragraph joined by a space, paragraphs by a blank line.
 */
export function alignedLayout(pairs: readonly ConfirmedPair[], trailing?: string): ParsedPlainText {
  const keepsLayout = trailing !== undefined
  let paragraph = -1
  const segments = pairs.map((pair, index): SegmentInit => {
    const opensParagraph = index === 0 || pair.paragraph !== pairs[index - 1]!.paragraph
    if (opensParagraph) paragraph++
    const target = pair.target.trim()
    const source = keepsLayout ? pair.source : pair.source.trim()
    // Trimming moves the text, and its sentence breaks with it.
    const shift = pair.source.length - pair.source.trimStart().length
    const before = keepsLayout
      ? (pair.before ?? '')
      : index === 0
        ? ''
        : opensParagraph
          ? NEW_PARAGRAPH
          : SAME_PARAGRAPH
    return {
      source,
      paragraph,
      before,
      target,
      status: statusOf(pair, target),
      sourceBreaks: (pair.sourceBreaks ?? []).map((offset) => offset - (keepsLayout ? 0 : shift)),
    }
  })
  return { segments, trailing: trailing ?? '\n' }
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
      parsed: alignedLayout(input.pairs, input.trailing),
      ...(input.sourceEncoding === undefined ? {} : { sourceEncoding: input.sourceEncoding }),
    },
    now,
  )
}
