import { Router } from 'express'
import { z } from 'zod'
import type { AuthStore } from '../auth/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import type { MatchLookup, TranslationMemoryStore } from '../tm/index.ts'
import { requireDocumentRole, requirePermission } from './access.ts'
import { NotFoundError } from './errors.ts'
import { parseInput } from './parseInput.ts'
import { documentParams } from './schemas.ts'
import { requireUser } from './session.ts'

export interface ConcordanceRouterOptions {
  auth: AuthStore
  tm: TranslationMemoryStore
  lookup: MatchLookup
  store: DocumentStore
}

/** Longest query: a phrase, not a paragraph (each word is a posting-list intersection). */
export const MAX_CONCORDANCE_QUERY = 200

const concordanceQuery = z.object({
  q: z.string().trim().min(1).max(MAX_CONCORDANCE_QUERY),
  side: z.enum(['source', 'target', 'both']).default('both'),
  limit: z.coerce.number().int().min(1).max(50).default(30),
})

/**
 * `GET /api/documents/:id/concordance?q=…&side=source|target|both`: units of the project's
 * memories whose source (in the document's source language) or target (in its target
 * language) holds the word or phrase, through the same folding and stemming as matches,
 * newest first, with the hits to highlight in both texts. Any member may search.
 */
export function concordanceRouter({ auth, tm, lookup, store }: ConcordanceRouterOptions): Router {
  const router = Router({ mergeParams: true })

  router.get('/', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(documentParams, request.params)
    const query = parseInput(concordanceQuery, request.query)
    const access = await requireDocumentRole(auth, user, id)
    requirePermission(access.role, 'view')
    const document = await store.getDocument(id)
    if (!document) throw new NotFoundError('document.not_found', `No document ${id}.`)
    const memories = await tm.listProjectMemories(access.projectId)
    const found = await lookup.concordance({
      memoryIds: memories.map((memory) => memory.id),
      sourceLang: document.sourceLang,
      targetLang: document.targetLang,
      query: query.q,
      side: query.side,
      limit: query.limit,
    })
    const names = new Map(memories.map((memory) => [memory.id, memory.name]))
    response.json({
      query: query.q,
      side: query.side,
      hits: found.map((hit) => ({
        unitId: hit.unitId,
        sourceLang: hit.sourceLang,
        targetLang: hit.targetLang,
        source: hit.source,
        target: hit.target,
        sourceSpans: hit.sourceSpans,
        targetSpans: hit.targetSpans,
        origin: {
          memoryId: hit.memoryId,
          memoryName: names.get(hit.memoryId) ?? '',
          createdBy: hit.createdBy,
          createdAt: hit.createdAt,
          changedBy: hit.changedBy,
          changedAt: hit.changedAt,
        },
      })),
    })
  })

  return router
}
