import { normalizeDigits } from '../text/index.ts'
import { KIND_CODES } from './tokenCost.ts'
import type { AlignmentStep } from './editDistance.ts'
import type { EncodedText } from './TokenVocabulary.ts'
import type { TokenVocabulary } from './TokenVocabulary.ts'

const ARABIC_INDIC = /[\u0660-\u0669]/
const EXTENDED_ARABIC_INDIC = /[\u06f0-\u06f9]/

function inDigitsOf(written: string, example: string): string {
  const number = normalizeDigits(written)
  const zero = ARABIC_INDIC.test(example)
    ? 0x0660
    : EXTENDED_ARABIC_INDIC.test(example)
      ? 0x06f0
      : 0
  if (zero === 0) return number
  return number.replace(/[0-9]/g, (digit) => String.fromCharCode(zero + Number(digit)))
}

/**
 * The stored target with its numbers replaced, when numbers are the only difference between
 * the stored source and the new text (every step of `steps` is equal or a number replaced by a
 * number) and each replaced number appears in the target exactly as often as in the stored
 * source, so which to replace is certain. Numbers keep the target's digits (٣ stays Arabic-Indic).
 * Null when there is nothing to replace or the swap would be a guess.
 */
export function swapNumbers(
  steps: readonly AlignmentStep[],
  stored: EncodedText & { text: string },
  incoming: EncodedText & { text: string },
  target: string,
  targetVocabulary: TokenVocabulary,
): string | null {
  const replacements = new Map<number, string>()
  const counts = new Map<number, number>()
  for (const step of steps) {
    if (step.op === 'equal') continue
    if (step.op !== 'replace') return null
    if (
      stored.coded.kind[step.a] !== KIND_CODES.number ||
      incoming.coded.kind[step.b] !== KIND_CODES.number
    )
      return null
    const old = stored.coded.surface[step.a]!
    const token = incoming.tokens[step.b]!
    const replacement = incoming.text.slice(token.start, token.end)
    const earlier = replacements.get(old)
    if (earlier !== undefined && earlier !== replacement) return null
    replacements.set(old, replacement)
  }
  if (replacements.size === 0) return null
  for (let i = 0; i < stored.coded.length; i++) {
    const surface = stored.coded.surface[i]!
    if (replacements.has(surface)) counts.set(surface, (counts.get(surface) ?? 0) + 1)
  }
  // The target is coded with the vocabulary the stored source was coded with, so a number
  // has one surface id on both sides whatever digits it is written in.
  const encoded = targetVocabulary.encode(target, true)
  const edits: { start: number; end: number; text: string }[] = []
  const found = new Map<number, number>()
  for (let i = 0; i < encoded.coded.length; i++) {
    const surface = encoded.coded.surface[i]!
    const replacement = replacements.get(surface)
    if (encoded.coded.kind[i] !== KIND_CODES.number || replacement === undefined) continue
    const token = encoded.tokens[i]!
    const written = target.slice(token.start, token.end)
    edits.push({ start: token.start, end: token.end, text: inDigitsOf(replacement, written) })
    found.set(surface, (found.get(surface) ?? 0) + 1)
  }
  for (const [surface, count] of counts) if (found.get(surface) !== count) return null
  let swapped = target
  for (const edit of edits.reverse())
    swapped = swapped.slice(0, edit.start) + edit.text + swapped.slice(edit.end)
  return swapped
}
