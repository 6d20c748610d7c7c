import type { AuditAction } from '@qalam/shared/workflow'

export interface NewAuditEntry {
  userId: string
  projectId: string
  documentId?: string | null
  segmentId?: string | null
  action: AuditAction
  /** Whatever explains the entry: `{ from, to }`, a rejection's `reason`, a member's role. */
  detail: Record<string, unknown>
  /** Milliseconds since the epoch; the log stamps it when absent. */
  at?: number
}

export interface AuditEntry {
  id: number
  at: number
  userId: string
  projectId: string
  documentId: string | null
  segmentId: string | null
  action: AuditAction
  detail: Record<string, unknown>
}

export interface AuditPage {
  entries: AuditEntry[]
  /** Pass as `before` to get the next (older) page; absent on the last page. */
  next?: number
}

export interface PageRequest {
  limit: number
  /** Only entries older than this id. */
  before?: number
}

/**
 * An append-only record of who changed what in the workflow. There is deliberately no way
 * to change or remove an entry through this interface (and the SQLite tables refuse it).
 */
export interface AuditLog {
  append(entry: NewAuditEntry): Promise<AuditEntry>
  /** Appends all or nothing, in order (one accepted update may move several segments). */
  appendAll(entries: readonly NewAuditEntry[]): Promise<AuditEntry[]>
  /** Newest first. */
  listForSegment(documentId: string, segmentId: string, page: PageRequest): Promise<AuditPage>
  /** Newest first, every entry of the project including membership changes. */
  listForProject(projectId: string, page: PageRequest): Promise<AuditPage>
}
