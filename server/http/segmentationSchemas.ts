import { z } from 'zod'

const id = z.string().min(1).max(200)
const regex = z.string().max(1000)

export const exceptionParams = z.object({ id, exceptionId: id })

/** A rule written out, or an abbreviation the server turns into a no-break rule. */
export const exceptionRequest = z.union([
  z.object({
    lang: z.string().min(1).max(35),
    abbreviation: z.string().trim().min(1).max(50),
  }),
  z.object({
    lang: z.string().min(1).max(35),
    isBreak: z.boolean(),
    beforeBreak: regex,
    afterBreak: regex,
  }),
])

/** Texts to explain are pasted by support staff; a page or two is plenty. */
export const MAX_EXPLAIN_CHARS = 100_000

export const explainRequest = z.object({
  lang: z.string().min(1).max(35),
  text: z.string().min(1).max(MAX_EXPLAIN_CHARS),
})
