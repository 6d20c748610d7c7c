import { parseArgs } from 'node:util'
import { align, formatBead } from '@qalam/shared/alignment'
import { canonicalLanguage } from '@qalam/shared/text'
import { CliError } from './cliError.ts'
import { encodingOption, readLines } from './readInput.ts'

/**
 * `align --src FILE --tgt FILE [--src-lang L] [--tgt-lang L] [--encoding ENC|auto]`: one bead
 * per line, in order.
 */
export function alignCommand(args: string[], write: (text: string) => void): void {
  const { values, positionals } = parseArgs({
    args,
    options: {
      src: { type: 'string' },
      tgt: { type: 'string' },
      'src-lang': { type: 'string' },
      'tgt-lang': { type: 'string' },
      encoding: { type: 'string' },
    },
    allowPositionals: false,
    strict: true,
  })
  if (positionals.length > 0) throw new CliError('align takes no positional arguments')
  if (!values.src || !values.tgt) throw new CliError('align needs --src FILE and --tgt FILE')
  const languages: { sourceLang?: string; targetLang?: string } = {}
  for (const [option, key] of [
    ['src-lang', 'sourceLang'],
    ['tgt-lang', 'targetLang'],
  ] as const) {
    const tag = values[option]
    if (tag === undefined) continue
    const canonical = canonicalLanguage(tag)
    if (!canonical) throw new CliError(`unknown language: ${tag}`)
    languages[key] = canonical
  }
  const encoding = encodingOption(values.encoding)
  const beads = align(readLines(values.src, encoding), readLines(values.tgt, encoding), languages)
  write(beads.map((bead) => formatBead(bead) + '\n').join(''))
}
