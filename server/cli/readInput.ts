import { readFileSync } from 'node:fs'
import { CliError } from './cliError.ts'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Reads FILE (or standard input when absent) as strict UTF-8, without a byte-order mark. */
export function readText(file: string | undefined): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(file ?? 0)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(`cannot read ${file ?? 'standard input'}: ${code ?? String(error)}`)
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new CliError(`${file ?? 'standard input'} is not valid UTF-8`)
  }
}

/** Lines of a text, one sentence each; a final line break does not make an extra line. */
export function readLines(file: string | undefined): string[] {
  const text = readText(file)
  if (text === '') return []
  return text.replace(/\r?\n$/, '').split(/\r?\n/)
}
