import { z } from 'zod'

/** More pairs than a 20 MB pair of texts yields in practice (a sentence is rarely under 400 bytes). */
export const MAX_CONFIRMED_PAIRS = 50_000
/** A pair is at most a few sentences; a side longer than this is not a reviewed pair. */
export const MAX_PAIR_TEXT = 100_000

const pairText = z.string().max(MAX_PAIR_TEXT)

/** Text fields of the alignment form; the `source` and `target` files are read separately. */
export const alignmentFields = z.object({
  title: z.string().trim().max(300).optional(),
  sourceLang: z.string().trim().min(1).max(100),
  targetLang: z.string().trim().min(1).max(100),
})

/** `POST /api/alignments/confirm`: the reviewed pairs that become a document. */
export const confirmAlignmentBody = z.object({
  title: z.string().trim().min(1).max(300),
  sourceLang: z.string().trim().min(1).max(100),
  targetLang: z.string().trim().min(1).max(100),
  pairs: z
    .array(
      z.object({
        source: pairText,
        target: pairText,
        paragraph: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      }),
    )
    .min(1)
    .max(MAX_CONFIRMED_PAIRS),
})
export type ConfirmAlignmentBody = z.infer<typeof confirmAlignmentBody>
