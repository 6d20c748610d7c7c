import { readFileSync, statSync } from 'node:fs'
import {
  ENCODINGS,
  UndecodableError,
  decodeBytes,
  detectEncoding,
  isEncoding,
  type Encoding,
} from '../encoding/index.ts'
import { CliError } from './cliError.ts'

/** What `--encoding` may say: one of the encodings, or `auto` to detect it per file. */
export type EncodingOption = Encoding | 'auto'

/** The value of `--encoding`; absent means UTF-8. Exits 2 (CliError) for an unknown name. */
export function encodingOption(value: string | undefined): EncodingOption {
  if (value === undefined) return 'utf-8'
  const name = value.toLowerCase()
  if (name === 'auto' || isEncoding(name)) return name
  throw new CliError(`unknown encoding: ${value} (one of auto, ${ENCODINGS.join(', ')})`)
}

/**
 * Reads FILE (or standard input when absent) in `encoding` (strict UTF-8 by default, `auto`
 * to detect it), without a byte-order mark.
 */
export function readText(file: string | undefined, encoding: EncodingOption = 'utf-8'): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(file ?? 0)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(`cannot read ${file ?? 'standard input'}: ${code ?? String(error)}`)
  }
  const chosen = encoding === 'auto' ? detectEncoding(bytes).encoding : encoding
  try {
    return decodeBytes(bytes, chosen).replace(/^\uFEFF/, '')
  } catch (error) {
    if (!(error instanceof UndecodableError)) throw error
    throw new CliError(`${file ?? 'standard input'} is not valid ${chosen.toUpperCase()}`)
  }
}

/** Lines of a text, one sentence each; a final line break does not make an extra line. */
export function readLines(file: string | undefined, encoding?: EncodingOption): string[] {
  const text = readText(file, encoding)
  if (text === '') return []
  return text.replace(/\r?\n$/, '').split(/\r?\n/)
}

/** The size in bytes of FILE, a regular file the command streams; exits 2 when there is none. */
export function inputFileSize(file: string): number {
  try {
    const stats = statSync(file)
    if (stats.isFile()) return stats.size
  } catch {
    // Gone, unreadable or a broken link: all "no file" to the user.
  }
  throw new CliError(`no file ${file}`)
}
