import { parseArgs } from 'node:util'
import { z } from 'zod'
import {
  explainSegmentation,
  readSrx,
  segmentText,
  SrxError,
  type BreakDecision,
  type CustomRules,
} from '@qalam/shared/segmentation'
import { canonicalLanguage } from '@qalam/shared/text'
import { CliError } from './cliError.ts'
import { encodingOption, readText } from './readInput.ts'

const jsonlLine = z.object({ lang: z.string(), text: z.string() })

function language(tag: string): string {
  const canonical = canonicalLanguage(tag)
  if (!canonical) throw new CliError(`unknown language: ${tag}`)
  return canonical
}

function customRules(srxFile: string | undefined): CustomRules | undefined {
  if (srxFile === undefined) return undefined
  try {
    return { srx: readSrx(readText(srxFile)), exceptions: [] }
  } catch (error) {
    if (error instanceof SrxError) throw new CliError(`${srxFile}: ${error.message}`)
    throw error
  }
}

/** `OFFSET  break|no break  RULE DETAIL  …text before⏐text after…`, one line per boundary. */
function describeDecision(text: string, decision: BreakDecision): string {
  const flat = (part: string) => part.replace(/\s+/gu, ' ')
  const before = flat(text.slice(Math.max(0, decision.at - 24), decision.at))
  const after = flat(text.slice(decision.at, decision.at + 24))
  const rule = decision.detail ? `${decision.rule} ${decision.detail}` : decision.rule
  const verdict = decision.isBreak ? 'break' : 'no break'
  return `${decision.at}\t${verdict}\t${rule}\t…${before}⏐${after}…`
}

/**
 * `segment --lang LANG [--srx FILE] [--explain] [--encoding ENC|auto] [FILE]`: one segment per line. `segment --jsonl`: for each input line
 * `{"lang","text"}`, one line holding the JSON array of its segment texts. `--srx` segments by
 * an SRX 2.0 file's rules; `--explain` prints which rule broke or kept each boundary instead.
 */
export function segmentCommand(args: string[], write: (text: string) => void): void {
  const { values, positionals } = parseArgs({
    args,
    options: {
      lang: { type: 'string' },
      jsonl: { type: 'boolean' },
      srx: { type: 'string' },
      explain: { type: 'boolean' },
      encoding: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length > 1) throw new CliError('segment takes at most one FILE')
  const encoding = encodingOption(values.encoding)
  const custom = customRules(values.srx)
  if (values.jsonl) {
    const lines = readText(positionals[0], encoding).split(/\r?\n/)
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
      const segments = segmentText(input.data.text, language(input.data.lang), custom)
      write(JSON.stringify(segments.map((segment) => segment.text)) + '\n')
    })
    return
  }
  if (!values.lang) throw new CliError('segment needs --lang LANG or --jsonl')
  const lang = language(values.lang)
  const text = readText(positionals[0], encoding)
  if (values.explain) {
    const { decisions } = explainSegmentation(text, lang, custom)
    write(decisions.map((decision) => describeDecision(text, decision) + '\n').join(''))
    return
  }
  let out = ''
  // A segment never spans lines, but it may hold a line separator of its own (U+2028 is not
  // one we split on inside a paragraph): print it as a space so each segment stays one line.
  for (const segment of segmentText(text, lang, custom))
    out += segment.text.replace(/[\r\n\u2028\u2029]+/g, ' ') + '\n'
  write(out)
}
