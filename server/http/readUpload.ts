import type { IncomingMessage } from 'node:http'
import busboy from 'busboy'
import { ImportError, InvalidRequestError } from './errors.ts'

export interface Upload {
  /** The part named `file`, or null when there was none. */
  file: { name: string; bytes: Buffer } | null
  fields: Record<string, string>
}

const FILE_FIELD = 'file'
/** Room for field values and multipart framing on top of the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024

function tooLarge(maxBytes: number): ImportError {
  return new ImportError('import.too_large', `The file is larger than ${maxBytes} bytes.`)
}

/**
 * Reads a multipart/form-data request, holding the file in memory. The size limit is enforced
 * while streaming: a declared length over it is refused before reading, and the parse stops
 * at the first byte past it.
 */
export function readUpload(request: IncomingMessage, maxBytes: number): Promise<Upload> {
  const declared = Number(request.headers['content-length'])
  if (declared > maxBytes + FORM_OVERHEAD_BYTES) return Promise.reject(tooLarge(maxBytes))

  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes, fields: 16, fieldSize: 4096, parts: 20 },
      })
    } catch {
      reject(new InvalidRequestError('Expected a multipart/form-data body.'))
      return
    }
    let settled = false
    const fail = (error: Error) => {
      if (settled) return
      settled = true
      // Stop reading: nothing more of this body is needed.
      request.unpipe(parser)
      request.resume()
      reject(error)
    }
    const fields: Record<string, string> = {}
    let file: Upload['file'] = null

    parser.on('file', (name, stream, info) => {
      if (name !== FILE_FIELD) {
        stream.resume()
        return
      }
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => fail(tooLarge(maxBytes)))
      stream.on('end', () => {
        file = { name: info.filename ?? '', bytes: Buffer.concat(chunks) }
      })
    })
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new InvalidRequestError(`Field ${name} is too long.`))
      else fields[name] = value
    })
    parser.on('partsLimit', () => fail(new InvalidRequestError('Too many form parts.')))
    parser.on('fieldsLimit', () => fail(new InvalidRequestError('Too many form fields.')))
    parser.on('error', () => fail(new InvalidRequestError('Malformed multipart body.')))
    parser.on('close', () => {
      if (settled) return
      settled = true
      resolve({ file, fields })
    })
    request.on('close', () => {
      if (!request.complete) fail(new InvalidRequestError('The upload was aborted.'))
    })
    request.pipe(parser)
  })
}
