import type { ProjectRole } from '@qalam/shared/workflow'
import {
  addMember,
  asUser,
  createAdmin,
  createProject,
  createUser,
  type Session,
} from './accounts.ts'
import { importDocument, type ImportRequest, type ImportedDocument } from './documentsApi.ts'

/** A server with an administrator and one project, ready for members and documents. */
export interface Workspace {
  serverUrl: string
  admin: Session
  projectId: string
  /** A new user with `role` in the project, logged in; names default to `<role>-<n>`. */
  member(role: ProjectRole, username?: string): Promise<Session>
  /** Imports a document into the project as the administrator. */
  importDocument(request: ImportRequest): Promise<ImportedDocument>
  /** Creates a glossary in the project as the administrator, adds `entries`; returns its id. */
  createGlossary(name: string, entries?: GlossaryEntryRequest[]): Promise<string>
}

/** An entry as `POST /api/projects/:id/glossaries/:id/entries` takes it. */
export interface GlossaryEntryRequest {
  terms: { lang: string; text: string; status?: string }[]
  definition?: string
}

/** POSTs `json` as `session`; throws unless the answer is 201, else returns its body. */
async function postCreated(url: string, session: Session, json: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...asUser(session), 'content-type': 'application/json' },
    body: JSON.stringify(json),
  })
  const body = (await response.json()) as unknown
  if (response.status !== 201)
    throw new Error(`POST ${url} failed: ${response.status} ${JSON.stringify(body)}`)
  return body
}

let counter = 0

export async function createWorkspace(
  server: { url: string; databaseFile: string; databaseUrl?: string | null },
  projectName = 'Project',
): Promise<Workspace> {
  const admin = await createAdmin(server)
  const projectId = await createProject(server.url, admin, projectName)
  return {
    serverUrl: server.url,
    admin,
    projectId,
    async member(role, username = `${role}-${++counter}`) {
      const session = await createUser(server.url, admin, username)
      await addMember(server.url, admin, projectId, username, role)
      return session
    },
    importDocument: (request) =>
      importDocument(server.url, { session: admin, projectId, ...request }),
    async createGlossary(name, entries = []) {
      const base = `${server.url}/api/projects/${projectId}/glossaries`
      const { id } = (await postCreated(base, admin, { name })) as { id: string }
      for (const entry of entries) await postCreated(`${base}/${id}/entries`, admin, entry)
      return id
    },
  }
}
