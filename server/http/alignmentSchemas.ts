import { z } from 'zod'
import { ENCODINGS } from '../encoding/index.ts'
import { sameLanguageField } from './schemas.ts'

/** More pairs than a 20 MB pair of texts yields in practice (a sentence is rarely under 400 bytes). */
export const MAX_CONFIRMED_PAIRS = 50_000
/** A pair is at most a few sentences; a side longer than this is not a reviewed pair. */
export const MAX_PAIR_TEXT = 100_000

const pairText = z.string().max(MAX_PAIR_TEXT)
const whitespace = z.string().max(MAX_PAIR_TEXT).regex(/^\s*$/u, 'whitespace only')

/** Text fields of the alignment form; the `source` and `target` files are read separately. */
export const alignmentFields = z.object({
  title: z.string().trim().max(300).optional(),
  sourceLang: z.string().trim().min(1).max(100),
  targetLang: z.string().trim().min(1).max(100),
  /** What to read each file in, as its preview showed it; absent means UTF-8. */
  sourceEncoding: z.enum(ENCODINGS).optional(),
  targetEncoding: z.enum(ENCODINGS).optional(),
  sameLanguage: sameLanguageField,
})

/**
 * `POST /api/alignments/confirm`: the reviewed pairs that become a document. With `trailing`,
 * the layout is the source file's own: every pair then carries the whitespace `before` it, and
 * its source is the file's text of its sentences, inner whitespace included.
 */
export const confirmAlignmentBody = z
  .object({
    title: z.string().trim().min(1).max(300),
    sourceLang: z.string().trim().min(1).max(100),
    targetLang: z.string().trim().min(1).max(100),
    pairs: z
      .array(
        z.object({
          source: pairText,
          target: pairText,
          paragraph: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
          before: whitespace.optional(),
          /** Offsets in `source` where its second and later sentences begin. */
          sourceBreaks: z.array(z.number().int().min(1).max(MAX_PAIR_TEXT)).max(10_000).optional(),
          /** The aligner's confidence, or null when a person changed the pair. */
          confidence: z.number().min(0).max(1).nullable().optional(),
        }),
      )
      .min(1)
      .max(MAX_CONFIRMED_PAIRS),
    trailing: whitespace.optional(),
    /** What the source file was read in, kept for an export in the original encoding. */
    sourceEncoding: z.enum(ENCODINGS).optional(),
    /** Confirms a source and target in the same language, as the upload did. */
    sameLanguage: z.boolean().optional(),
  })
  .refine(
    (body) =>
      body.trailing === undefined ||
      body.pairs.every(
        (pair) => pair.before !== undefined && pair.source.trim().length === pair.source.length,
      ),
    'with the file layout, every pair needs its whitespace before and a source without outer spaces',
  )
export type ConfirmAlignmentBody = z.infer<typeof confirmAlignmentBody>
