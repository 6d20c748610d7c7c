import { randomUUID } from 'node:crypto'
import { asUser, type Session } from './accounts.ts'
import type { ImportRequest } from './documentsApi.ts'

/** An import posted with `?progress=ID`, and a way to ask the server where it is. */
export interface WatchedImport {
  /** The import's response, once the server has answered. */
  response: Promise<Response>
  /** `GET /api/documents/imports/ID`: its status and body (`{ phase, position? }` or an error). */
  phase(): Promise<{ status: number; body: unknown }>
}

/** POSTs the import form as the browser's import form does, with a progress id. */
export function postWatchedImport(
  serverUrl: string,
  session: Session,
  request: ImportRequest & { projectId: string },
): WatchedImport {
  const progress = randomUUID()
  const form = new FormData()
  form.append('projectId', request.projectId)
  if (request.title !== undefined) form.append('title', request.title)
  form.append('sourceLang', request.sourceLang ?? 'ru')
  form.append('targetLang', request.targetLang ?? 'kk')
  const bytes =
    typeof request.bytes === 'string' ? new TextEncoder().encode(request.bytes) : request.bytes
  form.append('file', new Blob([new Uint8Array(bytes)]), request.fileName ?? 'document.txt')
  const response = fetch(`${serverUrl}/api/documents?progress=${progress}`, {
    method: 'POST',
    body: form,
    headers: asUser(session),
  })
  return {
    response,
    async phase() {
      const answer = await fetch(`${serverUrl}/api/documents/imports/${progress}`, {
        headers: asUser(session),
      })
      return { status: answer.status, body: (await answer.json()) as unknown }
    },
  }
}
