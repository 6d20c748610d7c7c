import { Router, type Request, type Response } from 'express'
import { mapLanguage, TmxError } from '@qalam/shared/formats'
import type { ActingRole } from '@qalam/shared/workflow'
import type { AuthStore, User } from '../auth/index.ts'
import type { Logger } from '../logging/index.ts'
import {
  emptyProgress,
  exportTmx,
  importTmx,
  type ImportJobs,
  type Memory,
  type TranslationMemoryStore,
} from '../tm/index.ts'
import { requirePermission, requireProjectRole } from './access.ts'
import { attachmentDisposition } from './contentDisposition.ts'
import { AppError, NotFoundError } from './errors.ts'
import { requireLanguage } from './importFields.ts'
import { jsonBody } from './jsonBody.ts'
import {
  attachMemoryRequest,
  createMemoryRequest,
  importJobParams,
  memoryParams,
  tmxImportFields,
} from './memorySchemas.ts'
import { parseInput } from './parseInput.ts'
import { projectParams } from './projectSchemas.ts'
import { requireUser } from './session.ts'
import { streamUpload } from './streamUpload.ts'

export interface MemoriesRouterOptions {
  auth: AuthStore
  tm: TranslationMemoryStore
  importJobs: ImportJobs
  log: Logger
}

/** A TMX file may be far larger than a document: 1 GB memories exist. */
export const MAX_TMX_BYTES = 2 * 1024 * 1024 * 1024

function memoryNotFound(memoryId: string): AppError {
  return new AppError('tm.not_found', 404, `No translation memory ${memoryId}.`)
}

/** TMX refusals answer 400 (413 for size) with the line in the message. */
function asAppError(error: unknown): unknown {
  if (!(error instanceof TmxError)) return error
  return new AppError(
    error.code,
    error.code === 'tmx.too_large' ? 413 : 400,
    error.message,
    error.line === undefined ? undefined : { line: error.line },
  )
}

/** Collects the pieces of an export into writes, waiting whenever the socket is full. */
async function streamTmx(response: Response, pieces: AsyncIterable<string>): Promise<void> {
  for await (const piece of pieces) {
    if (response.destroyed) return
    if (!response.write(piece)) {
      await new Promise<void>((resolve) => {
        response.once('drain', resolve)
        response.once('close', resolve)
      })
    }
  }
  response.end()
}

/**
 * `/api/projects/:id/memories`: the translation memories a project uses. Members see them and
 * their figures; managers create, attach and detach them and import TMX; export is for those
 * who may export documents. A memory another project owns is reachable only through a project
 * that uses it, and attached only by someone who is a member of its owner.
 */
export function memoriesRouter({ auth, tm, importJobs, log }: MemoriesRouterOptions): Router {
  const router = Router({ mergeParams: true })

  const projectRole = async (request: Request) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    return { user, projectId: id, role: await requireProjectRole(auth, user, id) }
  }

  /** The project's role, and the memory if the project uses it (else `tm.not_found`). */
  const usedMemory = async (request: Request) => {
    const access = await projectRole(request)
    const { memoryId } = parseInput(memoryParams, request.params)
    const mode = await tm.modeOf(access.projectId, memoryId)
    const memory = mode && (await tm.getMemory(memoryId))
    if (!memory) throw memoryNotFound(memoryId)
    return { ...access, memory, mode }
  }

  /** Projects whose memories the user may see: their own, or every one for an admin. */
  const visibleProjects = async (user: User) =>
    user.isAdmin ? auth.listProjects() : auth.listProjectsForUser(user.id)

  router.get('/', async (request, response) => {
    const { user, projectId, role } = await projectRole(request)
    requirePermission(role, 'view')
    const project = await auth.getProject(projectId)
    await tm.ensureWriteMemory(projectId, project?.name ?? 'Project memory')
    const memories = await tm.listProjectMemories(projectId)
    // Another project's name is shown only to those who may see that project.
    const names = new Map((await visibleProjects(user)).map((entry) => [entry.id, entry.name]))
    response.json({
      memories: memories.map((memory) => ({
        ...memory,
        ownerName: names.get(memory.projectId) ?? null,
      })),
    })
  })

  router.get('/attachable', async (request, response) => {
    const { user, projectId, role } = await projectRole(request)
    requirePermission(role, 'import')
    const projects = (await visibleProjects(user)).filter((project) => project.id !== projectId)
    const used = new Set((await tm.listProjectMemories(projectId)).map((memory) => memory.id))
    const names = new Map(projects.map((project) => [project.id, project.name]))
    const owned = await tm.listOwnedMemories(projects.map((project) => project.id))
    response.json({
      memories: owned
        .filter((memory) => !used.has(memory.id))
        .map((memory) => ({ ...memory, ownerName: names.get(memory.projectId) ?? '' })),
    })
  })

  router.post('/', jsonBody(), async (request, response) => {
    const { projectId, role } = await projectRole(request)
    requirePermission(role, 'import')
    const { name } = parseInput(createMemoryRequest, request.body)
    const project = await auth.getProject(projectId)
    // The write memory comes first, so that a new memory is an addition, not a replacement.
    await tm.ensureWriteMemory(projectId, project?.name ?? name)
    const memory = await tm.createMemory(projectId, name)
    response.status(201).json({ ...memory, mode: await tm.modeOf(projectId, memory.id), units: 0 })
  })

  router.put('/:memoryId', jsonBody(), async (request, response) => {
    const { user, projectId, role } = await projectRole(request)
    requirePermission(role, 'import')
    const { memoryId } = parseInput(memoryParams, request.params)
    const { mode } = parseInput(attachMemoryRequest, request.body)
    const memory = await tm.getMemory(memoryId)
    const ownerRole: ActingRole | undefined =
      memory && (await requireProjectRole(auth, user, memory.projectId).catch(() => undefined))
    if (!memory || !ownerRole) throw memoryNotFound(memoryId)
    await tm.attachMemory(projectId, memoryId, mode)
    response.json({ ...memory, mode })
  })

  router.delete('/:memoryId', async (request, response) => {
    const { projectId, role, memory, mode } = await usedMemory(request)
    requirePermission(role, 'import')
    if (mode === 'write') {
      throw new AppError(
        'tm.write_memory',
        409,
        'This is the project’s write memory; make another memory the write memory first.',
      )
    }
    if (memory.projectId === projectId) {
      throw new AppError('tm.owned_memory', 409, 'A project cannot detach a memory it owns.')
    }
    await tm.detachMemory(projectId, memory.id)
    response.status(204).end()
  })

  router.get('/:memoryId/stats', async (request, response) => {
    const { role, memory } = await usedMemory(request)
    requirePermission(role, 'view')
    response.json({ id: memory.id, name: memory.name, ...(await tm.stats(memory.id)) })
  })

  router.post('/:memoryId/imports', async (request, response) => {
    const { user, role, memory } = await usedMemory(request)
    requirePermission(role, 'import')
    let jobId: string | undefined
    try {
      const summary = await streamUpload(request, MAX_TMX_BYTES, async (file) => {
        const fields = parseInput(tmxImportFields, file.fields)
        const sourceLang = requireLanguage(fields.sourceLang, 'source language')
        const targetLang = requireLanguage(fields.targetLang, 'target language')
        // `ru` and `ru-RU` are one language to the importer's variant mapping.
        if (mapLanguage(targetLang, [sourceLang]) !== null) {
          throw new AppError(
            'tm.same_language',
            400,
            'The source and target language are the same.',
          )
        }
        if (fields.importId) {
          if (!importJobs.start(fields.importId, user.id, memory.id)) {
            throw new AppError('tm.import_id_taken', 409, 'This import id is already in use.')
          }
          jobId = fields.importId
        }
        const id = jobId
        return importTmx({
          store: tm,
          memoryId: memory.id,
          input: file.bytes,
          sourceLang,
          targetLang,
          fallbackAuthor: user.username,
          ...(id
            ? { onProgress: (progress) => importJobs.update(id, { state: 'running', ...progress }) }
            : {}),
        })
      })
      if (jobId) importJobs.update(jobId, { state: 'done', ...summary })
      response.json(summary)
    } catch (caught) {
      const error = asAppError(caught)
      if (jobId) {
        const known = error instanceof AppError
        const current = importJobs.get(jobId, user.id, memory.id)
        importJobs.update(jobId, {
          ...(current ?? emptyProgress()),
          state: 'failed',
          error: known
            ? { code: error.code, message: error.message }
            : { code: 'internal', message: 'Internal server error' },
        })
      }
      throw error
    }
  })

  router.get('/:memoryId/imports/:importId', async (request, response) => {
    const { user, role, memory } = await usedMemory(request)
    requirePermission(role, 'import')
    const { importId } = parseInput(importJobParams, request.params)
    const job = importJobs.get(importId, user.id, memory.id)
    if (!job) throw new NotFoundError('request.not_found', `No import ${importId}.`)
    response.json(job)
  })

  router.get('/:memoryId/export', async (request, response) => {
    const { role, memory } = await usedMemory(request)
    requirePermission(role, 'export')
    response.set({
      'Content-Type': 'application/x-tmx+xml; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`${fileName(memory)}.tmx`),
    })
    try {
      await streamTmx(response, exportTmx(tm, memory.id))
    } catch (error) {
      if (!response.headersSent) throw error
      // Too late for an error answer: cut the download short so the file is not taken as whole.
      log.error('tm.export_failed', { memoryId: memory.id, error })
      response.destroy()
    }
  })

  return router
}

function fileName(memory: Memory): string {
  return memory.name.trim() || 'memory'
}
