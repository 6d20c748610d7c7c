import { Router, type Request } from 'express'
import type { AuditLog } from '../audit/index.ts'
import type { AuthStore } from '../auth/index.ts'
import {
  documentExportReport,
  loadForExport,
  resolveExportPolicy,
  type ExportSources,
} from '../documents/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { requireDocumentRole, requirePermission, requireProjectRole } from './access.ts'
import { NotFoundError } from './errors.ts'
import { exportPolicyQuery, exportRuleRequest } from './exportPolicySchemas.ts'
import { jsonBody } from './jsonBody.ts'
import { parseInput } from './parseInput.ts'
import { projectParams } from './projectSchemas.ts'
import { documentParams } from './schemas.ts'
import { requireUser } from './session.ts'

export interface ExportReportRouterOptions {
  auth: AuthStore
  store: DocumentStore
  live: Pick<ExportSources, 'liveDocument'>
}

/**
 * `GET /api/documents/:id/export/report?scope=&fallback=`: what an export under that policy (the
 * project's rule applied) would write, for members who may export.
 */
export function exportReportRouter({ auth, store, live }: ExportReportRouterOptions): Router {
  const router = Router()
  router.get('/:id/export/report', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(documentParams, request.params)
    const { projectId, role } = await requireDocumentRole(auth, user, id)
    requirePermission(role, 'export')
    const asked = parseInput(exportPolicyQuery, request.query)
    const doc = await loadForExport(
      { store, liveDocument: (documentId) => live.liveDocument(documentId) },
      id,
    )
    if (!doc) throw new NotFoundError('document.not_found', `No document ${id}.`)
    response.json(documentExportReport(doc, await resolveExportPolicy(auth, projectId, asked)))
  })
  return router
}

export interface ExportRuleRouterOptions {
  auth: AuthStore
  audit: AuditLog
}

/**
 * `/api/projects/:id/export-rule`: whether the project's exports write approved translations
 * only. Every member may read it (the export dialog shows it); managers set it, audit-logged.
 */
export function exportRuleRouter({ auth, audit }: ExportRuleRouterOptions): Router {
  const router = Router({ mergeParams: true })

  const projectRole = async (request: Request) => {
    const user = requireUser(request)
    const { id } = parseInput(projectParams, request.params)
    return { user, id, role: await requireProjectRole(auth, user, id) }
  }

  router.get('/', async (request, response) => {
    const { id, role } = await projectRole(request)
    requirePermission(role, 'view')
    response.json({ approvedOnly: await auth.exportApprovedOnly(id) })
  })

  router.put('/', jsonBody(), async (request, response) => {
    const { user, id, role } = await projectRole(request)
    requirePermission(role, 'manageDocuments')
    const { approvedOnly } = parseInput(exportRuleRequest, request.body)
    const before = await auth.exportApprovedOnly(id)
    if (before !== approvedOnly) {
      if (!(await auth.setExportApprovedOnly(id, approvedOnly))) {
        throw new NotFoundError('project.not_found', `No project ${id}.`)
      }
      await audit.append({
        userId: user.id,
        projectId: id,
        action: 'project.exportRule',
        detail: { approvedOnly },
      })
    }
    response.json({ approvedOnly })
  })

  return router
}
