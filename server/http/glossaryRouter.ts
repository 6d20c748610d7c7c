import { Router, type Request, type Response } from 'express'
import { CSV_BOM } from '@qalam/shared/csv'
import { writeGlossaryCsv, writeTbx } from '@qalam/shared/formats'
import { checkTerms, TermRecognizer, type GlossaryEntry, type Term } from '@qalam/shared/glossary'
import { may } from '@qalam/shared/workflow'
import type { AuditLog } from '../audit/index.ts'
import type { AuthStore, User } from '../auth/index.ts'
import type { GlossaryStore, StoredEntry } from '../glossary/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { requireDocumentRole, requirePermission, requireProjectRole } from './access.ts'
import { attachmentDisposition } from './contentDisposition.ts'
import type { LiveDocuments } from './documentsRouter.ts'
import { AppError } from './errors.ts'
import { exportSourceOf, readExportView } from './exportInSlot.ts'
import type { ImportQueue } from './importQueue.ts'
import { requireLanguage } from './importFields.ts'
import { jsonBody } from './jsonBody.ts'
import { parseInput } from './parseInput.ts'
import { projectParams } from './projectSchemas.ts'
import { readGlossaryUpload } from './readGlossaryUpload.ts'
import {
  createGlossaryRequest,
  entryParams,
  entryRequest,
  exportQuery,
  glossaryParams,
  importQuery,
} from './glossarySchemas.ts'
import { requireUser } from './session.ts'
import { z } from 'zod'

export interface GlossaryRouterOptions {
  auth: AuthStore
  audit: AuditLog
  glossaries: GlossaryStore
  store: DocumentStore
  live: LiveDocuments
  maxUploadBytes: number
  /** A document nobody has open is read in the worker pool, in an export's slot. */
  imports: ImportQueue
}

/** What an audit entry keeps of a glossary entry: its terms as language, text and status. */
const auditTerms = (entry: GlossaryEntry) =>
  entry.terms.map(({ lang, text, status }) => ({ lang, text, status }))

function entryNotFound(entryId: string): AppError {
  return new AppError('glossary.entry_not_found', 404, `No entry ${entryId} in this glossary.`)
}

function glossaryNotFound(glossaryId: string): AppError {
  return new AppError('glossary.not_found', 404, `No glossary ${glossaryId} in this project.`)
}

/** An entry's terms with their language tags in canonical form; unknown tags are refused. */
function canonicalEntry(entry: GlossaryEntry): GlossaryEntry {
  return {
    ...entry,
    terms: entry.terms.map((term) => ({
      ...term,
      lang: requireLanguage(term.lang, 'term language'),
    })),
  }
}

function withoutStorage({
  id: _id,
  createdAt: _at,
  createdBy: _by,
  ...entry
}: StoredEntry): GlossaryEntry {
  return entry
}

/** `/api/projects/:id/glossaries`: a project's glossaries, their entries, import and export. */
export function projectGlossaryRouter({
  auth,
  audit,
  glossaries,
  maxUploadBytes,
}: GlossaryRouterOptions): Router {
  const router = Router({ mergeParams: true })

  const projectRole = async (request: Request) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    return { user, id, role: await requireProjectRole(auth, user, id) }
  }
  /** The project's role and the glossary, which must be attached to that project. */
  const glossaryRole = async (request: Request) => {
    const user = requireUser(request)
    const { id, glossaryId } = parseInput(glossaryParams, request.params)
    const role = await requireProjectRole(auth, user, id)
    if (!(await glossaries.projectsOf(glossaryId)).includes(id)) throw glossaryNotFound(glossaryId)
    return { user, id, glossaryId, role }
  }

  router.get('/', async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'view')
    response.json({ glossaries: await glossaries.listForProject(id) })
  })

  router.post('/', jsonBody(), async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'import')
    const { name } = parseInput(createGlossaryRequest, request.body)
    response.status(201).json(await glossaries.create(id, name))
  })

  // Glossaries the caller may attach here: those of the other projects they manage.
  router.get('/attachable', async (request, response) => {
    const { user, id, role } = await projectRole(request)
    requirePermission(role, 'import')
    const attached = new Set((await glossaries.listForProject(id)).map((glossary) => glossary.id))
    const found = new Map<
      string,
      { id: string; name: string; entryCount: number; projectName: string }
    >()
    for (const project of await managedProjects(auth, user)) {
      if (project.id === id) continue
      for (const glossary of await glossaries.listForProject(project.id)) {
        if (attached.has(glossary.id) || found.has(glossary.id)) continue
        found.set(glossary.id, {
          id: glossary.id,
          name: glossary.name,
          entryCount: glossary.entryCount,
          projectName: project.name,
        })
      }
    }
    response.json({ glossaries: [...found.values()] })
  })

  router.post('/:glossaryId/attach', async (request, response) => {
    const user = requireUser(request)
    const { id, glossaryId } = parseInput(glossaryParams, request.params)
    requirePermission(await requireProjectRole(auth, user, id), 'import')
    // Attaching shares the glossary's content: the caller must manage a project it serves.
    const managed = new Set((await managedProjects(auth, user)).map((project) => project.id))
    const servedProjects = await glossaries.projectsOf(glossaryId)
    if (!servedProjects.some((projectId) => managed.has(projectId)))
      throw glossaryNotFound(glossaryId)
    await glossaries.attach(id, glossaryId)
    response.status(204).end()
  })

  router.delete('/:glossaryId', async (request, response) => {
    const { id, glossaryId, role } = await glossaryRole(request)
    requirePermission(role, 'import')
    await glossaries.detach(id, glossaryId)
    response.status(204).end()
  })

  router.get('/:glossaryId/entries', async (request, response) => {
    const { glossaryId, role } = await glossaryRole(request)
    requirePermission(role, 'view')
    response.json({
      revision: await glossaries.revision(glossaryId),
      entries: await glossaries.listEntries(glossaryId),
    })
  })

  // Reviewers and managers add terms (from the editor, in two clicks); translators read them.
  router.post('/:glossaryId/entries', jsonBody(), async (request, response) => {
    const { user, glossaryId, role } = await glossaryRole(request)
    requirePermission(role, 'approve')
    const entry = canonicalEntry(parseInput(entryRequest, request.body) as GlossaryEntry)
    const [stored] = await glossaries.addEntries(glossaryId, [entry], user.id)
    response.status(201).json({ entry: stored, revision: await glossaries.revision(glossaryId) })
  })

  // Reviewers and managers correct or remove an entry; each change is in the project's
  // activity with the terms before and after. Pages open on the project's documents learn of
  // it from the glossary revision the editing page announces, as for an added term.
  router.put('/:glossaryId/entries/:entryId', jsonBody(), async (request, response) => {
    const { user, id, glossaryId, role } = await glossaryRole(request)
    requirePermission(role, 'approve')
    const { entryId } = parseInput(entryParams, request.params)
    const entry = canonicalEntry(parseInput(entryRequest, request.body) as GlossaryEntry)
    const changed = await glossaries.updateEntry(glossaryId, entryId, entry)
    if (!changed) throw entryNotFound(entryId)
    await audit.append({
      userId: user.id,
      projectId: id,
      action: 'glossary.entryEdit',
      detail: {
        glossaryId,
        entryId,
        before: auditTerms(changed.before),
        after: auditTerms(changed.after),
      },
    })
    response.json({ entry: changed.after, revision: await glossaries.revision(glossaryId) })
  })

  router.delete('/:glossaryId/entries/:entryId', async (request, response) => {
    const { user, id, glossaryId, role } = await glossaryRole(request)
    requirePermission(role, 'approve')
    const { entryId } = parseInput(entryParams, request.params)
    const removed = await glossaries.deleteEntry(glossaryId, entryId)
    if (!removed) throw entryNotFound(entryId)
    await audit.append({
      userId: user.id,
      projectId: id,
      action: 'glossary.entryDelete',
      detail: { glossaryId, entryId, before: auditTerms(removed) },
    })
    response.json({ revision: await glossaries.revision(glossaryId) })
  })

  router.post('/:glossaryId/import', async (request, response) => {
    const { user, glossaryId, role } = await glossaryRole(request)
    requirePermission(role, 'import')
    const { format } = parseInput(importQuery, request.query)
    const entries = (await readGlossaryUpload(request, format, maxUploadBytes)).map(canonicalEntry)
    await glossaries.addEntries(glossaryId, entries, user.id)
    response.json({ added: entries.length, revision: await glossaries.revision(glossaryId) })
  })

  router.get('/:glossaryId/export', async (request, response) => {
    const { id, glossaryId, role } = await glossaryRole(request)
    requirePermission(role, 'export')
    const { format } = parseInput(exportQuery, request.query)
    const glossary = (await glossaries.listForProject(id)).find((item) => item.id === glossaryId)
    const entries = (await glossaries.listEntries(glossaryId)).map(withoutStorage)
    const name = glossary?.name ?? 'glossary'
    const chunks =
      format === 'csv'
        ? writeGlossaryCsv(entries)
        : writeTbx(entries, {
            version: format === 'tbx2' ? 2 : 3,
            sourceLang: entries[0]?.terms[0]?.lang ?? 'en',
            title: name,
          })
    response.status(200).set({
      'Content-Type':
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-tbx+xml; charset=utf-8',
      'Content-Disposition': attachmentDisposition(`${name}.${format === 'csv' ? 'csv' : 'tbx'}`),
    })
    await writeChunks(response, format === 'csv' ? prefixBom(chunks) : chunks)
  })

  return router
}

/** Spreadsheets read a CSV as UTF-8 only with a byte order mark. */
function* prefixBom(chunks: Iterable<string>): Generator<string> {
  yield CSV_BOM
  yield* chunks
}

/** Writes chunks, waiting for the socket to drain so a large export never piles up in memory. */
async function writeChunks(response: Response, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!response.write(chunk)) {
      await new Promise<void>((resolve) => {
        response.once('drain', resolve)
        response.once('close', resolve)
      })
      if (response.destroyed) return
    }
  }
  response.end()
}

async function managedProjects(auth: AuthStore, user: User) {
  const projects = user.isAdmin
    ? (await auth.listProjects()).map((project) => ({ ...project, role: 'admin' as const }))
    : await auth.listProjectsForUser(user.id)
  return projects.filter((project) => may(project.role, 'import'))
}

const documentParams = z.object({ id: z.string().min(1).max(200) })

/** One term in a document's terms list: the entry, the glossary it is in, what it says. */
interface DocumentTerm {
  glossaryId: string
  entry: StoredEntry
}

/** `/api/documents/:id/glossary`: the terms of a document's project and the term check. */
export function documentGlossaryRouter({
  auth,
  glossaries,
  store,
  live,
  imports,
}: GlossaryRouterOptions): Router {
  const router = Router({ mergeParams: true })

  const documentTerms = async (request: Request) => {
    const user = requireUser(request)
    const { id } = parseInput(documentParams, request.params)
    const access = await requireDocumentRole(auth, user, id)
    requirePermission(access.role, 'view')
    const attached = await glossaries.listForProject(access.projectId)
    const terms: DocumentTerm[] = []
    let revision = 0
    for (const glossary of attached) {
      revision += await glossaries.revision(glossary.id)
      for (const entry of await glossaries.listEntries(glossary.id))
        terms.push({ glossaryId: glossary.id, entry })
    }
    return { id, access, attached, terms, revision }
  }

  router.get('/', async (request, response) => {
    const { attached, terms, revision, access } = await documentTerms(request)
    response.json({
      glossaries: attached.map(({ id, name }) => ({ id, name })),
      entries: terms,
      revision,
      mayAddTerms: may(access.role, 'approve'),
    })
  })

  router.get('/check', async (request, response) => {
    const { id, terms } = await documentTerms(request)
    const source = await exportSourceOf(
      { store, liveDocument: (documentId) => live.liveDocument(documentId) },
      id,
    )
    const { meta, segments } = await readExportView(source, (work) =>
      imports.withExportSlot(request, response, requireUser(request), work),
    )
    const recognizer = new TermRecognizer(
      terms.map(({ entry }) => ({ id: entry.id, entry })),
      meta.sourceLang,
      meta.targetLang,
    )
    const findings = []
    for (const segment of segments) {
      if (segment.target.trim() === '') continue
      for (const finding of checkTerms(
        recognizer,
        segment.source,
        segment.target,
        meta.targetLang,
      )) {
        findings.push({
          segmentId: segment.id,
          index: segment.index,
          source: segment.source,
          target: segment.target,
          kind: finding.kind,
          entryId: finding.entryId,
          sourceTerm: finding.source.text,
          terms: (finding.kind === 'missing' ? finding.expected : [finding.used]).map(
            (term: Term) => term.text,
          ),
        })
      }
    }
    response.json({ findings })
  })

  return router
}
