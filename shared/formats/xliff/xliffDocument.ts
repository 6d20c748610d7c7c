import type { InlineTag, SegmentStatus, TaggedText } from '../../model/index.ts'

/** A document as a new XLIFF file is made from it (a document not imported from XLIFF). */
export interface XliffDocumentInput {
  title: string
  sourceLang: string
  targetLang: string
  segments: ReadonlyArray<{
    source: TaggedText
    target: TaggedText
    status: SegmentStatus
    tags: readonly InlineTag[]
    notes: readonly string[]
  }>
}

/** Numbers of the open tags whose close is also in `tagged` (a pair inside one text). */
export function pairedInText(tagged: TaggedText): Set<number> {
  const opens = new Set<number>()
  const paired = new Set<number>()
  for (const tag of tagged.tags) {
    if (tag.kind === 'open') opens.add(tag.n)
    else if (tag.kind === 'close' && opens.has(tag.n)) paired.add(tag.n)
  }
  return paired
}
