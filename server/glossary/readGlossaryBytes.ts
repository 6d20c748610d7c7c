import { TextDecoder } from 'node:util'
import { CsvGlossaryReader, TbxReader } from '@qalam/shared/formats'
import type { GlossaryEntry } from '@qalam/shared/glossary'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const GZIP_MAGIC = [0x1f, 0x8b]
// An XML declaration naming an encoding other than the UTF-8 or UTF-16 we decode with is a
// file that lies or that we would misread: refuse it rather than store mojibake.
const DECLARED_ENCODING = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/

/** Why the bytes of a glossary file were refused before its content was read. */
export class GlossaryBytesError extends Error {
  override name = 'GlossaryBytesError'
  constructor(
    readonly code: 'glossary_file.zip' | 'glossary_file.encoding' | 'request.too_large',
    message: string,
  ) {
    super(message)
  }
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte)
}

export interface GlossaryReadProgress {
  bytesRead: number
  entriesRead: number
}

/**
 * Reads a TBX or CSV glossary from bytes as they arrive, chunk by chunk, into entries: never
 * more than `maxBytes`, UTF-8 (or UTF-16 with a byte order mark) only, zip and gzip archives
 * refused by their signature. Throws `GlossaryBytesError` for the bytes and
 * `GlossaryFileError` (with the line) for the content. Stores nothing: the caller stores the
 * entries in one transaction once the whole file has been read. The same for an upload and
 * for the command line.
 */
export async function readGlossaryBytes(
  chunks: AsyncIterable<Uint8Array>,
  format: 'tbx' | 'csv',
  maxBytes: number,
  onProgress?: (progress: GlossaryReadProgress) => void,
): Promise<GlossaryEntry[]> {
  const reader = format === 'tbx' ? new TbxReader() : new CsvGlossaryReader()
  let decoder: TextDecoder | null = null
  let received = 0
  let checkedDeclaration = format !== 'tbx'
  let head = ''
  for await (const chunk of chunks) {
    received += chunk.length
    if (received > maxBytes)
      throw new GlossaryBytesError(
        'request.too_large',
        `Glossary files are limited to ${maxBytes} bytes.`,
      )
    if (decoder === null) {
      if (startsWith(chunk, ZIP_MAGIC) || startsWith(chunk, GZIP_MAGIC)) {
        throw new GlossaryBytesError(
          'glossary_file.zip',
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
      throw new GlossaryBytesError(
        'glossary_file.encoding',
        'The file is not valid UTF-8 (or UTF-16 with a byte order mark); save it as UTF-8.',
      )
    }
    if (!checkedDeclaration) {
      head += text
      if (head.includes('?>') || head.length > 200) {
        checkedDeclaration = true
        const declared = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase()
        if (declared && !['utf-8', 'utf8', 'utf-16', 'utf-16le', 'utf-16be'].includes(declared)) {
          throw new GlossaryBytesError(
            'glossary_file.encoding',
            `The file declares the encoding ${declared}; save it as UTF-8.`,
          )
        }
        reader.write(head)
        head = ''
      }
      continue
    }
    reader.write(text)
    onProgress?.({ bytesRead: received, entriesRead: reader.entries.length })
  }
  if (head !== '') reader.write(head)
  if (decoder) {
    try {
      reader.write(decoder.decode())
    } catch {
      throw new GlossaryBytesError(
        'glossary_file.encoding',
        'The file ends in the middle of a character.',
      )
    }
  }
  return reader.close()
}
