import type { ProjectRole } from '@qalam/shared/workflow'
import { addMember, createAdmin, createProject, createUser, type Session } from './accounts.ts'
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
  }
}
