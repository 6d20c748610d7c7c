import type { IncomingMessage } from 'node:http'
import { PassThrough } from 'node:stream'
import busboy from 'busboy'
import { ImportError, InvalidRequestError } from './errors.ts'

/** The form of a streamed upload: its fields (sent before the file) and the file's bytes. */
export interface StreamedFile {
  fields: Record<string, string>
  name: string
  /** The file's bytes as they arrive; fails with `import.too_large` past the limit. */
  bytes: AsyncIterable<Uint8Array>
}

/**
 * Reads a multipart/form-data request whose one file part, `file`, comes after its fields, and
 * hands that file to `consume` while it is still arriving: the file is never held whole. When
 * `consume` throws, the rest of the body is read and dropped so the client still gets the answer.
 * Resolves with what `consume` returned, once the body has ended.
 */
export function streamUpload<T>(
  request: IncomingMessage,
  maxBytes: number,
  consume: (file: StreamedFile) => Promise<T>,
): Promise<T> {
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
    const fields: Record<string, string> = {}
    let consuming: Promise<T> | null = null
    let result: { value: T } | null = null
    let parserClosed = false
    let settled = false
    /** The bytes handed to `consume`: our own stream, so that our errors reach its reader. */
    let bytes: PassThrough | null = null

    /** Whether `consume` has returned or thrown: then nobody reads `bytes` any more. */
    let consumerDone = false

    const fail = (error: Error) => {
      // A reader still iterating must see the error, or a cut-off file would look complete.
      if (consumerDone) bytes?.destroy()
      else bytes?.destroy(error)
      if (settled) return
      settled = true
      request.unpipe(parser)
      request.resume()
      reject(error)
    }
    const malformed = () => fail(new InvalidRequestError('Malformed multipart body.'))
    // Both must have happened: the file consumed, and the body read to its end.
    const finish = () => {
      if (settled || !result || !parserClosed) return
      settled = true
      resolve(result.value)
    }

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new InvalidRequestError(`Field ${name} is too long.`))
      else fields[name] = value
    })
    parser.on('file', (name, stream, info) => {
      stream.on('error', malformed)
      if (name !== 'file' || consuming) {
        stream.resume()
        return
      }
      bytes = new PassThrough()
      stream.on('limit', () =>
        fail(new ImportError('import.too_large', `The file is larger than ${maxBytes} bytes.`)),
      )
      stream.pipe(bytes)
      consuming = consume({ fields: { ...fields }, name: info.filename ?? '', bytes })
      consuming.then(
        (value) => {
          consumerDone = true
          result = { value }
          finish()
        },
        (error: unknown) => {
          consumerDone = true
          fail(error instanceof Error ? error : new Error(String(error)))
        },
      )
    })
    parser.on('partsLimit', () => fail(new InvalidRequestError('Too many form parts.')))
    parser.on('fieldsLimit', () => fail(new InvalidRequestError('Too many form fields.')))
    parser.on('error', malformed)
    parser.on('close', () => {
      parserClosed = true
      if (!consuming) fail(new ImportError('import.missing_file', 'No file was uploaded.'))
      else finish()
    })
    request.on('error', () => fail(new InvalidRequestError('The upload was aborted.')))
    request.on('close', () => {
      if (!request.complete) fail(new InvalidRequestError('The upload was aborted.'))
    })
    request.pipe(parser)
  })
}
