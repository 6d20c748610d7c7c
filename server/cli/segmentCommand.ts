import { parseArgs } from 'node:util'
import { z } from 'zod'
import { segmentText } from '@qalam/shared/segmentation'
import { canonicalLanguage } from '@qalam/shared/text'
import { CliError } from './cliError.ts'
import { readText } from './readInput.ts'

const jsonlLine = z.object({ lang: z.string(), text: z.string() })

function language(tag: string): string {
  const canonical = canonicalLanguage(tag)
  if (!canonical) throw new CliError(`unknown language: ${tag}`)
  return canonical
}

/**
 * `segment --lang LANG [FILE]`: one segment per line. `segment --jsonl`: for each input line
 * `{"lang","text"}`, one line holding the JSON array of its segment texts.
 */
export function segmentCommand(args: string[], write: (text: string) => void): void {
  const { values, positionals } = parseArgs({
    args,
    options: { lang: { type: 'string' }, jsonl: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length > 1) throw new CliError('segment takes at most one FILE')
  if (values.jsonl) {
    const lines = readText(positionals[0]).split(/\r?\n/)
    lines.forEach((line, k) => {
      if (line.trim() === '') return
      let parsed: unknown
      try {
        parsed = JSON.parse(line)
      } catch {
        throw new CliError(`line ${k + 1}: not JSON`)
      }
      const input = jsonlLine.safeParse(parsed)
      if (!input.success)
        throw new CliError(`line ${k + 1}: expected {"lang": "...", "text": "..."}`)
      const segments = segmentText(input.data.text, language(input.data.lang))
      write(JSON.stringify(segments.map((segment) => segment.text)) + '\n')
    })
    return
  }
  if (!values.lang) throw new CliError('segment needs --lang LANG or --jsonl')
  const lang = language(values.lang)
  let out = ''
  // A segment never spans lines, but it may hold a line separator of its own (U+2028 is not
  // one we split on inside a paragraph): print it as a space so each segment stays one line.
  for (const segment of segmentText(readText(positionals[0]), lang))
    out += segment.text.replace(/[\r\n\u2028\u2029]+/g, ' ') + '\n'
  write(out)
}
