import { z } from 'zod'

const id = z.string().min(1).max(200)

export const projectParams = z.object({ id })
export const memberParams = z.object({ id, userId: id })
export const userParams = z.object({ id })
export const segmentAuditParams = z.object({ id, segmentId: id })

export const auditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
})

export const documentListQuery = z.object({ projectId: id.optional() })

export const documentBinQuery = z.object({ projectId: id })

export const renameProjectRequest = z.object({ name: z.string().trim().min(1).max(200) })

export const renameDocumentRequest = z.object({ title: z.string().trim().min(1).max(300) })
