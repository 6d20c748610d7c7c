import type { AlignmentStep } from './editDistance.ts'
import type { TextToken } from './tokenize.ts'

/** A stretch of a text that differs from the other text: offsets `[start, end)` in it. */
export interface DiffSpan {
  start: number
  end: number
  /** `insert`: only this text has it; `delete`: only the other text has it; `replace`: both, differently. */
  op: 'insert' | 'delete' | 'replace'
}

/** Word-level differences of both texts, each as spans over its own text. */
export interface WordDiff {
  /** Spans over the new text: `insert` (not in the stored text) and `replace`. */
  text: DiffSpan[]
  /** Spans over the stored text: `delete` (not in the new text) and `replace`. */
  stored: DiffSpan[]
}

function pushSpan(spans: DiffSpan[], token: TextToken, op: DiffSpan['op'], joins: boolean): void {
  const last = spans.at(-1)
  if (joins && last && last.op === op) last.end = token.end
  else spans.push({ start: token.start, end: token.end, op })
}

/**
 * Turns an alignment of the stored text's tokens (`a`) onto the new text's tokens (`b`) into
 * spans to highlight; neighbouring tokens with the same change become one span.
 */
export function diffSpans(
  steps: readonly AlignmentStep[],
  storedTokens: readonly TextToken[],
  textTokens: readonly TextToken[],
): WordDiff {
  const diff: WordDiff = { text: [], stored: [] }
  let previousOp: AlignmentStep['op'] | null = null
  for (const step of steps) {
    const joins = previousOp === step.op
    previousOp = step.op
    if (step.op === 'equal') continue
    if (step.op !== 'delete') pushSpan(diff.text, textTokens[step.b]!, step.op, joins)
    if (step.op !== 'insert')
      pushSpan(
        diff.stored,
        storedTokens[step.a]!,
        step.op === 'replace' ? 'replace' : 'delete',
        joins,
      )
  }
  return diff
}
