import type { IncomingMessage } from 'node:http'
import busboy from 'busboy'
import { ImportError, InvalidRequestError } from './errors.ts'

export interface UploadedFile {
  name: string
  bytes: Buffer
}

export interface Upload {
  /** The file parts by field name; a field absent from the form is absent here. */
  files: Partial<Record<string, UploadedFile>>
  fields: Record<string, string>
}

/** Room for field values and multipart framing on top of the file itself. */
const FORM_OVERHEAD_BYTES = 64 * 1024

function tooLarge(maxBytes: number): ImportError {
  return new ImportError('import.too_large', `The file is larger than ${maxBytes} bytes.`)
}

/**
 * Reads a multipart/form-data request, holding the files named in `fileFields` in memory (parts
 * under other names are skipped). The size limit applies to each file and is enforced while
 * streaming: a declared length over it is refused before reading, and the parse stops at the
 * first byte past it.
 */
export function readUpload(
  request: IncomingMessage,
  maxBytes: number,
  fileFields: readonly string[] = ['file'],
): Promise<Upload> {
  const declared = Number(request.headers['content-length'])
  if (declared > maxBytes * fileFields.length + FORM_OVERHEAD_BYTES) {
    return Promise.reject(tooLarge(maxBytes))
  }

  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: request.headers,
        defParamCharset: 'utf8',
        limits: {
          files: fileFields.length,
          fileSize: maxBytes,
          fields: 16,
          fieldSize: 4096,
          parts: 20,
        },
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
    const files: Upload['files'] = {}

    // busboy emits "Unexpected end of form" on the part being read as well as on itself; an
    // error event without a listener throws, and from a stream that kills the process.
    const malformed = () => fail(new InvalidRequestError('Malformed multipart body.'))
    parser.on('file', (name, stream, info) => {
      stream.on('error', malformed)
      if (!fileFields.includes(name)) {
        stream.resume()
        return
      }
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => fail(tooLarge(maxBytes)))
      stream.on('end', () => {
        files[name] = { name: info.filename ?? '', bytes: Buffer.concat(chunks) }
      })
    })
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new InvalidRequestError(`Field ${name} is too long.`))
      else fields[name] = value
    })
    parser.on('partsLimit', () => fail(new InvalidRequestError('Too many form parts.')))
    parser.on('fieldsLimit', () => fail(new InvalidRequestError('Too many form fields.')))
    parser.on('error', malformed)
    parser.on('close', () => {
      if (settled) return
      settled = true
      resolve({ files, fields })
    })
    request.on('error', () => fail(new InvalidRequestError('The upload was aborted.')))
    request.on('close', () => {
      if (!request.complete) fail(new InvalidRequestError('The upload was aborted.'))
    })
    request.pipe(parser)
  })
}
