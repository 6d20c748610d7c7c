import { Router } from 'express'
import type { AuthStore } from '../auth/index.ts'
import {
  documentExportReport,
  resolveExportPolicy,
  type ExportSources,
} from '../documents/index.ts'
import type { DocumentStore } from '../storage/index.ts'
import { requireDocumentRole, requirePermission } from './access.ts'
import { exportSourceOf, readExportView } from './exportInSlot.ts'
import { exportPolicyQuery } from './exportPolicySchemas.ts'
import type { ImportQueue } from './importQueue.ts'
import { parseInput } from './parseInput.ts'
import { documentParams } from './schemas.ts'
import { requireUser } from './session.ts'

export interface ExportReportRouterOptions {
  auth: AuthStore
  store: DocumentStore
  live: Pick<ExportSources, 'liveDocument'>
  /** A stored document is read in the worker pool, in an export's slot. */
  imports: ImportQueue
}

/**
 * `GET /api/documents/:id/export/report?scope=&fallback=`: what an export under that policy (the
 * project's rule applied) would write, for members who may export.
 */
export function exportReportRouter(options: ExportReportRouterOptions): Router {
  const { auth, store, live, imports } = options
  const router = Router()
  router.get('/:id/export/report', async (request, response) => {
    const user = requireUser(request)
    const { id } = parseInput(documentParams, request.params)
    const { projectId, role } = await requireDocumentRole(auth, user, id)
    requirePermission(role, 'export')
    const asked = parseInput(exportPolicyQuery, request.query)
    const resolved = await resolveExportPolicy(auth, projectId, asked)
    const source = await exportSourceOf(
      { store, liveDocument: (each) => live.liveDocument(each) },
      id,
    )
    const view = await readExportView(source, (work) =>
      imports.withExportSlot(request, response, user, work),
    )
    response.json(documentExportReport(view, resolved))
  })
  return router
}
