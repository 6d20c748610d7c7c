import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import { analysisCsv, mergeAnalyses, type AnalysisReport } from '@qalam/shared/analysis'
import {
  AnalysisBusyError,
  AnalysisCancelledError,
  readDocumentSources,
  viewDocumentSources,
  type DocumentAnalyses,
  type DocumentSources,
} from '../analysis/index.ts'
import type { AuthStore } from '../auth/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import type { TranslationMemoryStore } from '../tm/index.ts'
import { requireDocumentRole, requirePermission, requireProjectRole } from './access.ts'
import { attachmentDisposition } from './contentDisposition.ts'
import type { LiveDocuments } from './documentsRouter.ts'
import { AppError, NotFoundError } from './errors.ts'
import { findExportSource, readExportView } from './exportInSlot.ts'
import type { ImportQueue, ImportSlot } from './importQueue.ts'
import { parseInput } from './parseInput.ts'
import { projectParams } from './projectSchemas.ts'
import { documentParams } from './schemas.ts'
import { requireUser } from './session.ts'

export interface AnalysisRouterOptions {
  auth: AuthStore
  tm: TranslationMemoryStore
  store: DocumentStore
  live: LiveDocuments
  analyses: DocumentAnalyses
  /** A document nobody has open is read in the worker pool, in an export's slot. */
  imports: ImportQueue
}

/** Runs work in a slot of the worker pool taken for the request being answered. */
type SlotRunner = <T>(work: (slot: ImportSlot) => Promise<T>) => Promise<T>

const analysisQuery = z.object({
  format: z.enum(['json', 'csv']).default('json'),
  /** `1` runs the analysis again even when the memories have not changed since the last one. */
  refresh: z.enum(['0', '1']).default('0'),
})

/** A project's documents beyond which a project total is refused rather than computed. */
const MAX_PROJECT_DOCUMENTS = 500

/** Aborts when the client goes away before its answer is written. */
function clientLeft(response: Response): AbortSignal {
  const left = new AbortController()
  response.once('close', () => {
    if (!response.writableFinished) left.abort()
  })
  return left.signal
}

/** Thrown when the client left: there is nobody to answer. */
class NobodyToAnswer extends Error {
  override name = 'NobodyToAnswer'
}

/**
 * The sources an analysis reads: the open room's, else those of the kept export view, else a
 * worker's replay of the stored rows (in an export slot `inSlot` takes); undefined when gone.
 */
async function loadSources(
  { store, live }: AnalysisRouterOptions,
  documentId: string,
  inSlot: SlotRunner,
): Promise<DocumentSources | undefined> {
  const source = await findExportSource(
    { store, liveDocument: (id) => live.liveDocument(id) },
    documentId,
  )
  if (!source) return undefined
  if ('live' in source) return readDocumentSources(source.live)
  return viewDocumentSources(await readExportView(source, inSlot))
}

async function runAnalysis(
  options: AnalysisRouterOptions,
  projectId: string,
  documentId: string,
  fresh: boolean,
  signal: AbortSignal,
  inSlot: SlotRunner,
): Promise<AnalysisReport | undefined> {
  const { tm, analyses } = options
  const memoryIds = (await tm.listProjectMemories(projectId)).map((memory) => memory.id)
  try {
    return await analyses.analyze({
      documentId,
      memoryIds,
      fresh,
      signal,
      loadDocument: () => loadSources(options, documentId, inSlot),
    })
  } catch (error) {
    if (error instanceof AnalysisBusyError) throw new AppError('analysis.busy', 503, error.message)
    if (error instanceof AnalysisCancelledError) throw new NobodyToAnswer(error.message)
    throw error
  }
}

function sendReport(
  response: Response,
  report: AnalysisReport,
  title: string,
  format: 'json' | 'csv',
): void {
  if (format === 'json') {
    response.json(report)
    return
  }
  response
    .status(200)
    .set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`${title} analysis.csv`),
    })
    .send([...analysisCsv(report, title)].join(''))
}

/**
 * A handler told when its client leaves; once it has, the analysis it waited for stops and
 * nothing is answered (the error middleware would only write to a closed socket).
 */
function answering(
  handle: (request: Request, response: Response, signal: AbortSignal) => Promise<void>,
) {
  return async (request: Request, response: Response) => {
    try {
      await handle(request, response, clientLeft(response))
    } catch (error) {
      if (!(error instanceof NobodyToAnswer)) throw error
    }
  }
}

/**
 * `GET /api/documents/:id/analysis[?format=csv][&refresh=1]`: the document's words, segments
 * and characters by match band against the project's memories. Any member may look; others
 * get the same 404 as for a missing document.
 */
export function documentAnalysisRouter(options: AnalysisRouterOptions): Router {
  const router = Router({ mergeParams: true })
  router.get(
    '/',
    answering(async (request, response, signal) => {
      const user = requireUser(request)
      const { id } = parseInput(documentParams, request.params)
      const query = parseInput(analysisQuery, request.query)
      const access = await requireDocumentRole(options.auth, user, id)
      requirePermission(access.role, 'view')
      const summary = await options.store.getDocument(id)
      const report =
        summary &&
        (await runAnalysis(options, access.projectId, id, query.refresh === '1', signal, (work) =>
          options.imports.withExportSlot(request, response, user, work),
        ))
      if (!summary || !report) throw new NotFoundError('document.not_found', `No document ${id}.`)
      sendReport(response, report, summary.title, query.format)
    }),
  )
  return router
}

/**
 * `GET /api/projects/:id/analysis[?format=csv]`: the sum of the analyses of the project's
 * documents, one after the other (each counts its own repetitions).
 */
export function projectAnalysisRouter(options: AnalysisRouterOptions): Router {
  const router = Router({ mergeParams: true })
  router.get(
    '/',
    answering(async (request, response, signal) => {
      const user = requireUser(request)
      const { id } = parseInput(projectParams, request.params)
      const query = parseInput(analysisQuery, request.query)
      const role = await requireProjectRole(options.auth, user, id)
      requirePermission(role, 'view')
      const project = await options.auth.getProject(id)
      const documentIds = await options.auth.listProjectDocuments(id)
      if (documentIds.length > MAX_PROJECT_DOCUMENTS)
        throw new AppError(
          'request.too_large',
          413,
          `More than ${MAX_PROJECT_DOCUMENTS} documents.`,
        )
      const reports: AnalysisReport[] = []
      for (const documentId of documentIds) {
        if (!(await options.store.getDocument(documentId))) continue
        const report = await runAnalysis(
          options,
          id,
          documentId,
          query.refresh === '1',
          signal,
          (work) => options.imports.withExportSlot(request, response, user, work),
        )
        if (report) reports.push(report)
      }
      sendReport(response, mergeAnalyses(reports), project?.name ?? id, query.format)
    }),
  )
  return router
}
