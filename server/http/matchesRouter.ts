import { Router } from 'express'
import { z } from 'zod'
import type * as Y from 'yjs'
import {
  segmentAt,
  sourceTagged,
  type DocumentExportView,
  type PlacedTag,
} from '@qalam/shared/model'
import { exactForm } from '@qalam/shared/tm'
import {
  mapUnitTags,
  readDocumentSources,
  viewDocumentSources,
  type DocumentSources,
} from '../analysis/index.ts'
import type { AuthStore } from '../auth/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import type { MatchLookup, TranslationMemoryStore } from '../tm/index.ts'
import { requireDocumentRole, requirePermission } from './access.ts'
import type { LiveDocuments } from './documentsRouter.ts'
import { AppError } from './errors.ts'
import { exportSourceOf, readExportView } from './exportInSlot.ts'
import type { ImportQueue } from './importQueue.ts'
import { parseInput } from './parseInput.ts'
import { documentParams } from './schemas.ts'
import { requireUser } from './session.ts'

export interface MatchesRouterOptions {
  auth: AuthStore
  tm: TranslationMemoryStore
  lookup: MatchLookup
  store: DocumentStore
  live: LiveDocuments
  /** A document nobody has open is read in the worker pool, in an export's slot. */
  imports: ImportQueue
}

/**
 * What a lookup reads of a document: every segment's id and source (as an analysis reads
 * them), and the tags of the one looked up.
 */
interface LookupSegments extends DocumentSources {
  sourceTagsAt(index: number): PlacedTag[]
}

/** The open room's document, read for ids and sources only (a few ms for 10,000 segments). */
function liveSegments(doc: Y.Doc): LookupSegments {
  return {
    ...readDocumentSources(doc),
    sourceTagsAt: (index) => sourceTagged(segmentAt(doc, index)!).tags,
  }
}

function viewSegments(view: DocumentExportView): LookupSegments {
  return {
    ...viewDocumentSources(view),
    sourceTagsAt: (index) => view.segments[index]!.sourceTags,
  }
}

/** Lowest fuzzy match shown: below 50 % a match costs more to read than to translate. */
const MIN_SCORE = 0.5
/** How long a page that saw an approval may wait for the unit it makes. */
const MAX_WAIT_MS = 3000

const matchesQuery = z.object({
  segment: z.string().min(1).max(200),
  limit: z.coerce.number().int().min(1).max(9).default(9),
  /** The revision the page has: answer once the memories move past it (or after a while). */
  since: z.coerce.number().int().min(0).optional(),
})

/**
 * `GET /api/documents/:id/matches?segment=…`: translation-memory matches for one segment of
 * the document, across the project's write and read memories, best first; and the other
 * segments of the document with the same source (repetitions). Any member may look.
 */
export function matchesRouter(options: MatchesRouterOptions): Router {
  const { auth, tm, lookup, store, live, imports } = options
  const router = Router({ mergeParams: true })

  router.get('/', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(documentParams, request.params)
    const query = parseInput(matchesQuery, request.query)
    const access = await requireDocumentRole(auth, user, id)
    requirePermission(access.role, 'view')
    // A document nobody has open: its kept export view, or one a worker replays.
    const source = await exportSourceOf(
      { store, liveDocument: (documentId) => live.liveDocument(documentId) },
      id,
    )
    const document =
      'live' in source
        ? liveSegments(source.live)
        : viewSegments(
            await readExportView(source, (work) =>
              imports.withExportSlot(request, response, user, work),
            ),
          )
    const index = document.ids.indexOf(query.segment)
    if (index < 0)
      throw new AppError('segment.not_found', 404, `No segment ${query.segment} in this document.`)
    // As the memories page does: the write memory exists before its first approval, so a page
    // waiting for that approval's unit knows which memory to wait on.
    const project = await auth.getProject(access.projectId)
    await tm.ensureWriteMemory(access.projectId, project?.name ?? 'Project memory')
    const memories = await tm.listProjectMemories(access.projectId)
    const memoryIds = memories.map((memory) => memory.id)
    const revisionNow = () =>
      memoryIds.reduce((sum, memoryId) => sum + lookup.revision(memoryId), 0)
    if (query.since !== undefined && revisionNow() <= query.since) {
      const aborted = new AbortController()
      request.once('close', () => aborted.abort())
      await lookup.waitForWrite(memoryIds, MAX_WAIT_MS, aborted.signal)
      if (response.destroyed) return
    }
    const revision = revisionNow()
    const { sourceLang, targetLang, sources } = document
    const text = sources[index]!
    const found = await lookup.lookup({
      memoryIds,
      sourceLang,
      targetLang,
      source: text,
      prev: sources[index - 1] ?? '',
      next: sources[index + 1] ?? '',
      limit: query.limit,
      minScore: MIN_SCORE,
    })
    const names = new Map(memories.map((memory) => [memory.id, memory.name]))
    const sourceTags = document.sourceTagsAt(index)
    // The unit's codes as this segment's tags, where they stand in the target. A target whose
    // numbers were replaced no longer has the unit's offsets: it comes without tags then.
    const targetTags = (match: (typeof found)[number]) =>
      match.numbersReplaced
        ? []
        : mapUnitTags(match.unit.source, match.unit.target, sourceTags).tags
    const wanted = exactForm(text)
    const repetitions: Array<{ segmentId: string; index: number }> = []
    if (wanted !== '') {
      sources.forEach((other, position) => {
        if (position !== index && exactForm(other) === wanted)
          repetitions.push({ segmentId: document.ids[position]!, index: position })
      })
    }
    response.json({
      segmentId: query.segment,
      revision,
      matches: found.map((match) => ({
        unitId: match.unitId,
        percent: match.percent,
        score: match.score,
        kind: match.kind,
        inContext: match.kind === 'in-context',
        exact: match.kind !== 'fuzzy',
        source: match.source,
        target: match.target,
        targetTags: targetTags(match),
        numbersReplaced: match.numbersReplaced,
        diff: match.diff,
        origin: {
          memoryId: match.memoryId,
          memoryName: names.get(match.memoryId) ?? '',
          createdBy: match.createdBy,
          createdAt: match.createdAt,
          changedBy: match.changedBy,
          changedAt: match.changedAt,
        },
      })),
      repetitions,
    })
  })

  return router
}
