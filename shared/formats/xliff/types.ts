import type {
  ImportedMatch,
  InlineTag,
  SegmentInit,
  SegmentStatus,
  TaggedText,
} from '../../model/index.ts'
import type { TextOutput } from '../xml/index.ts'

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

/**
 * Writes each segment's target and status into the original XLIFF text; everything else is
 * left as it was. The output is a string, or what `output` makes of the pieces (UTF-8 bytes).
 */
export interface XliffWriter {
  (original: string, segments: Iterable<XliffTargetSegment>, targetLang: string): string
  <Output>(
    original: string,
    segments: Iterable<XliffTargetSegment>,
    targetLang: string,
    output: TextOutput<Output>,
  ): Output
}

export type { ImportedMatch }
