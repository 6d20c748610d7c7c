import type { Request } from 'express'
import { GlossaryFileError } from '@qalam/shared/formats'
import type { GlossaryEntry } from '@qalam/shared/glossary'
import { GlossaryBytesError, readGlossaryBytes } from '../glossary/index.ts'
import { AppError, PayloadTooLargeError } from './errors.ts'

function asAppError(error: GlossaryFileError): AppError {
  return new AppError(
    error.code,
    error.code === 'glossary_file.too_large' ? 413 : 400,
    error.message,
    error.line === undefined ? undefined : { line: error.line },
  )
}

/**
 * Reads a TBX or CSV glossary from the request body as it arrives (`readGlossaryBytes`), and
 * answers a refusal with a 4xx naming the reason and the line; the rest of the body is drained.
 */
export async function readGlossaryUpload(
  request: Request,
  format: 'tbx' | 'csv',
  maxBytes: number,
): Promise<GlossaryEntry[]> {
  try {
    return await readGlossaryBytes(request as AsyncIterable<Buffer>, format, maxBytes)
  } catch (error) {
    if (error instanceof GlossaryFileError) {
      request.resume()
      throw asAppError(error)
    }
    if (error instanceof GlossaryBytesError) {
      request.resume()
      if (error.code === 'request.too_large') throw new PayloadTooLargeError(error.message)
      throw new AppError(error.code, error.code === 'glossary_file.zip' ? 415 : 400, error.message)
    }
    throw error
  }
}
