import { z } from 'zod'
import { TERM_STATUSES } from '@qalam/shared/glossary'

const id = z.string().min(1).max(200)
const field = z.string().trim().min(1).max(10_000).optional()

export const glossaryParams = z.object({ id, glossaryId: id })
export const entryParams = z.object({ id, glossaryId: id, entryId: id })

export const createGlossaryRequest = z.object({ name: z.string().trim().min(1).max(200) })

export const termInput = z.object({
  lang: z.string().min(2).max(35),
  text: z.string().trim().min(1).max(1000),
  status: z.enum(TERM_STATUSES as [string, ...string[]]).default('preferred'),
  partOfSpeech: z.string().trim().min(1).max(100).optional(),
  note: field,
})

export const entryRequest = z.object({
  terms: z.array(termInput).min(1).max(200),
  definition: field,
  note: field,
  source: field,
  subject: z.string().trim().min(1).max(500).optional(),
})

export const importQuery = z.object({ format: z.enum(['tbx', 'csv']) })

export const exportQuery = z.object({ format: z.enum(['tbx2', 'tbx3', 'csv']) })
