import { request as httpRequest } from 'node:http'
import { asUser, type Session } from './accounts.ts'

export interface ImportRequest {
  bytes: Uint8Array | string
  /** Who imports; anonymous when absent. */
  session?: Session
  projectId?: string
  fileName?: string
  sourceLang?: string
  targetLang?: string
  title?: string
  /** The `format` field of the form (`auto`, `txt`, `xliff12`, `xliff20`); absent when unset. */
  format?: string
  /** The `encoding` field of the form (the plain-text encoding picker); absent when unset. */
  encoding?: string
  /** The `trackedChanges` field of the form (`accept`, `refuse`) for a DOCX; absent when unset. */
  trackedChanges?: string
  /** Sends `languageConfirmed=true`: the text is meant to be in `sourceLang` whatever it looks like. */
  languageConfirmed?: boolean
}

export interface ImportedDocument {
  id: string
  title: string
  sourceLang: string
  targetLang: string
  segments: number
}

function importForm(request: ImportRequest): FormData {
  const form = new FormData()
  if (request.projectId !== undefined) form.append('projectId', request.projectId)
  if (request.title !== undefined) form.append('title', request.title)
  if (request.sourceLang !== undefined) form.append('sourceLang', request.sourceLang)
  if (request.targetLang !== undefined) form.append('targetLang', request.targetLang)
  if (request.format !== undefined) form.append('format', request.format)
  if (request.encoding !== undefined) form.append('encoding', request.encoding)
  if (request.trackedChanges !== undefined) form.append('trackedChanges', request.trackedChanges)
  if (request.languageConfirmed) form.append('languageConfirmed', 'true')
  const bytes =
    typeof request.bytes === 'string' ? new TextEncoder().encode(request.bytes) : request.bytes
  form.append('file', new Blob([new Uint8Array(bytes)]), request.fileName ?? 'document.txt')
  return form
}

/** POSTs the import form as a browser would; returns the raw response. */
export function postImport(serverUrl: string, request: ImportRequest): Promise<Response> {
  const headers = asUser(request.session ?? null)
  return fetch(`${serverUrl}/api/documents`, {
    method: 'POST',
    body: importForm(request),
    headers,
  })
}

/**
 * `postImport` for uploads of tens of megabytes: the form is encoded first, then sent on a
 * connection of its own. Encoding one in `fetch` holds the event loop for seconds on a loaded
 * machine; a server in the same process then closes the idle kept-alive socket `fetch` has just
 * picked (its 5 s keep-alive timer runs before it reads the new request, as HTTP/1.1 lets it)
 * and the upload ends in ECONNRESET instead of the server's answer.
 */
export async function postLargeImport(
  serverUrl: string,
  request: ImportRequest,
): Promise<Response> {
  const encoded = new Response(importForm(request))
  const body = Buffer.from(await encoded.arrayBuffer())
  const headers = {
    ...asUser(request.session ?? null),
    'content-type': encoded.headers.get('content-type') ?? '',
    'content-length': String(body.length),
  }
  return new Promise((resolve, reject) => {
    // No agent: a new connection, closed after the answer.
    const outgoing = httpRequest(
      `${serverUrl}/api/documents`,
      { method: 'POST', agent: false, headers },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('error', reject)
        incoming.on('end', () => {
          const type = incoming.headers['content-type']
          resolve(
            new Response(Buffer.concat(chunks), {
              status: incoming.statusCode ?? 0,
              headers: type === undefined ? {} : { 'content-type': type },
            }),
          )
        })
      },
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

/** Imports a document (as `request.session`, into `request.projectId`); throws unless 201. */
export async function importDocument(
  serverUrl: string,
  request: ImportRequest,
): Promise<ImportedDocument> {
  const response = await postImport(serverUrl, { sourceLang: 'ru', targetLang: 'kk', ...request })
  const body = (await response.json()) as unknown
  if (response.status !== 201)
    throw new Error(`import failed: ${response.status} ${JSON.stringify(body)}`)
  return body as ImportedDocument
}
