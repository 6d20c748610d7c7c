import { randomUUID } from 'node:crypto'
import { asUser, type Session } from './accounts.ts'
import type { ImportRequest } from './documentsApi.ts'
import { openRawConnection, type RawConnection } from './rawHttp.ts'

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
    phase: () => importPhase(serverUrl, session, progress),
  }
}

/**
 * Opens an import upload that sends its headers and the first bytes of its body, then stops:
 * the server holds a slot for it ("receiving") until the connection is destroyed.
 */
export async function stallUpload(
  port: number,
  session: Session,
  progress: string,
): Promise<RawConnection> {
  const connection = await openRawConnection(port)
  const headers = Object.entries(asUser(session)).map(([name, value]) => `${name}: ${value}`)
  connection.write(
    [
      `POST /api/documents?progress=${progress} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      ...headers,
      'Content-Type: multipart/form-data; boundary=stalled',
      'Content-Length: 100000',
      '',
      '--stalled\r\n',
    ].join('\r\n'),
  )
  return connection
}

/** `GET /api/documents/imports/ID` as `session`: the status and the parsed body. */
export async function importPhase(
  serverUrl: string,
  session: Session,
  progress: string,
): Promise<{ status: number; body: unknown }> {
  const answer = await fetch(`${serverUrl}/api/documents/imports/${progress}`, {
    headers: asUser(session),
  })
  return { status: answer.status, body: (await answer.json()) as unknown }
}
