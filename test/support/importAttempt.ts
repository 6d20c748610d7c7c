import { postImport, type ImportRequest } from './documentsApi.ts'
import { storedContent } from './storedDocument.ts'
import type { TestServer } from './testServer.ts'
import { createWorkspace } from './workspace.ts'

/** What an import answered, and whether the server's stored bytes stayed as they were. */
export interface ImportAttempt {
  status: number
  /** The error of the answer; undefined when it has none (or is not JSON). */
  error: { code: string; message: string } | undefined
  nothingStored: boolean
}

/**
 * Posts `request` (en → kk unless told) into a new project of `server` as its administrator,
 * hashing the stored bytes before and after: for tests that a hostile upload is refused with its
 * reason and changes nothing.
 */
export async function attemptImport(
  server: TestServer,
  request: ImportRequest,
): Promise<ImportAttempt> {
  const workspace = await createWorkspace(server)
  const before = storedContent(server.databaseFile)
  const response = await postImport(server.url, {
    session: workspace.admin,
    projectId: workspace.projectId,
    sourceLang: 'en',
    targetLang: 'kk',
    ...request,
  })
  const text = await response.text()
  let error: ImportAttempt['error']
  try {
    error = (JSON.parse(text) as { error?: ImportAttempt['error'] }).error
  } catch {
    error = undefined
  }
  const nothingStored =
    JSON.stringify(storedContent(server.databaseFile)) === JSON.stringify(before)
  return { status: response.status, error, nothingStored }
}
