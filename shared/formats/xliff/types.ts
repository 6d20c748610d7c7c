import type {
  ImportedMatch,
  InlineTag,
  SegmentInit,
  SegmentStatus,
  TaggedText,
} from '../../model/index.ts'

/** What an XLIFF import gives the model: segments in file order and the file's languages. */
export interface ParsedXliff {
  segments: SegmentInit[]
  /** As the file declares them (BCP 47 as written), or null when it does not. */
  sourceLang: string | null
  targetLang: string | null
}

/** One segment's current state, as the export writes it back into the original file. */
export interface XliffTargetSegment {
  target: TaggedText
  status: SegmentStatus
  tags: readonly InlineTag[]
}

export type { ImportedMatch }
