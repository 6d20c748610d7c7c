import { REQUEST_HEADER, REQUEST_HEADER_VALUE } from '@qalam/shared/api'
import { ApiError } from './requestJson.ts'

export interface UploadEvents {
  /** Bytes of the body sent so far, of `total`. */
  onProgress(sent: number, total: number): void
  /** The whole body has left; the server now works on it. */
  onSent(): void
}

/** Statuses whose Response may not carry a body, even an empty one. */
const NO_BODY = new Set([204, 205, 304])

function headersOf(raw: string): Headers {
  const headers = new Headers()
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
  }
  return headers
}

/**
 * POSTs a form through XMLHttpRequest, the one browser API that reports upload progress
 * (fetch does not), and answers a `Response` as fetch would. Sends the header that tells the
 * server the request came from our own page.
 */
export function sendForm(url: string, form: FormData, events: UploadEvents): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest()
    request.open('POST', url)
    request.setRequestHeader('accept', 'application/json')
    request.setRequestHeader(REQUEST_HEADER, REQUEST_HEADER_VALUE)
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) events.onProgress(event.loaded, event.total)
    })
    request.upload.addEventListener('load', () => events.onSent())
    request.addEventListener('load', () => {
      const body = NO_BODY.has(request.status) ? null : request.responseText
      resolve(
        new Response(body, {
          status: request.status,
          statusText: request.statusText,
          headers: headersOf(request.getAllResponseHeaders()),
        }),
      )
    })
    const failed = () => reject(new ApiError('network', `The upload to ${url} failed.`, 0))
    request.addEventListener('error', failed)
    request.addEventListener('abort', failed)
    request.addEventListener('timeout', failed)
    request.send(form)
  })
}
