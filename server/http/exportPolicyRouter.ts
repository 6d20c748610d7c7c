import { Router } from 'express'
import type { AuthStore } from '../auth/index.ts'
import {
  documentExportReport,
  loadForExport,
  resolveExportPolicy,
  type ExportSources,
} from '../documents/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { requireDocumentRole, requirePermission } from './access.ts'
import { NotFoundError } from './errors.ts'
import { exportPolicyQuery } from './exportPolicySchemas.ts'
import { parseInput } from './parseInput.ts'
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
