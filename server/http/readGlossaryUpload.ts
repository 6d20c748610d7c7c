import type { Request } from 'express'
import { CsvGlossaryReader, GlossaryFileError, TbxReader } from '@qalam/shared/formats'
import type { GlossaryEntry } from '@qalam/shared/glossary'
import { TextDecoder } from 'node:util'
import { AppError, PayloadTooLargeError } from './errors.ts'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const GZIP_MAGIC = [0x1f, 0x8b]
// An XML declaration naming an encoding other than the UTF-8 or UTF-16 we decode with is a
// file that lies or that we would misread: refuse it rather than store mojibake.
const DECLARED_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte)
}

function asAppError(error: GlossaryFileError): AppError {
  return new AppError(
    error.code,
    error.code === 'glossary_file.too_large' ? 413 : 400,
    error.message,
    error.line === undefined ? undefined : { line: error.line },
  )
}

/**
 * Reads a TBX or CSV glossary from the request body as it arrives, chunk by chunk, into
 * entries: never more than `maxBytes`, UTF-8 (or UTF-16 with a byte order mark) only, zip and
 * gzip archives refused by their signature. Nothing is stored here; the caller stores the
 * entries in one transaction once the whole file has been read.
 */
export async function readGlossaryUpload(
  request: Request,
  format: 'tbx' | 'csv',
  maxBytes: number,
): Promise<GlossaryEntry[]> {
  const reader = format === 'tbx' ? new TbxReader() : new CsvGlossaryReader()
  let decoder: TextDecoder | null = null
  let received = 0
  let checkedDeclaration = format !== 'tbx'
  let head = ''
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      received += chunk.length
      if (received > maxBytes) {
        request.resume()
        throw new PayloadTooLargeError(`Glossary files are limited to ${maxBytes} bytes.`)
      }
      if (decoder === null) {
        if (startsWith(chunk, ZIP_MAGIC) || startsWith(chunk, GZIP_MAGIC)) {
          request.resume()
          throw new AppError(
            'glossary_file.zip',
            415,
            'The file is compressed; unpack it and import the .tbx or .csv inside.',
          )
        }
        const label =
          chunk[0] === 0xff && chunk[1] === 0xfe
            ? 'utf-16le'
            : chunk[0] === 0xfe && chunk[1] === 0xff
              ? 'utf-16be'
              : 'utf-8'
        decoder = new TextDecoder(label, { fatal: true })
      }
      let text: string
      try {
        text = decoder.decode(chunk, { stream: true })
      } catch {
        request.resume()
        throw new AppError(
          'glossary_file.encoding',
          400,
          'The file is not valid UTF-8 (or UTF-16 with a byte order mark); save it as UTF-8.',
        )
      }
      if (!checkedDeclaration) {
        head += text
        if (head.includes('?>') || head.length > 200) {
          checkedDeclaration = true
          const declared = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase()
          if (declared && !['utf-8', 'utf8', 'utf-16', 'utf-16le', 'utf-16be'].includes(declared)) {
            request.resume()
            throw new AppError(
              'glossary_file.encoding',
              400,
              `The file declares the encoding ${declared}; save it as UTF-8.`,
            )
          }
          reader.write(head)
          head = ''
        }
        continue
      }
      reader.write(text)
    }
    if (head !== '') reader.write(head)
    if (decoder) {
      try {
        reader.write(decoder.decode())
      } catch {
        throw new AppError(
          'glossary_file.encoding',
          400,
          'The file ends in the middle of a character.',
        )
      }
    }
    return reader.close()
  } catch (error) {
    if (error instanceof GlossaryFileError) {
      request.resume()
      throw asAppError(error)
    }
    throw error
  }
}
