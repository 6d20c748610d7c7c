import { z } from 'zod'

const id = z.string().min(1).max(200)

export const memoryParams = z.object({ id, memoryId: id })
export const importJobParams = z.object({ id, memoryId: id, importId: z.uuid() })

export const createMemoryRequest = z.object({ name: z.string().trim().min(1).max(200) })

export const attachMemoryRequest = z.object({ mode: z.enum(['read', 'write']) })

/** The fields of a TMX upload; they come before the file part. */
export const tmxImportFields = z.object({
  importId: z.uuid().optional(),
  sourceLang: z.string().min(1).max(64),
  targetLang: z.string().min(1).max(64),
})
