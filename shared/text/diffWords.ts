/*
 * A word-level difference between two texts, for showing what a suggestion changes in a
 * translation: the longest common subsequence of their tokens (words, runs of spaces, single
 * punctuation marks). Quadratic in tokens, so past a bound the whole text counts as replaced.
 */

export interface DiffPart {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** Product of the two token counts past which the texts are shown as replaced whole. */
const MAX_CELLS = 4_000_000

const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? []
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  const last = parts[parts.length - 1]
  if (last && last.kind === kind) last.text += text
  else parts.push({ kind, text })
}

/**
 * The parts of `before` and `after` in order: kept, removed from `before`, added in `after`.
 * Joining the `same` and `removed` parts gives `before`; `same` and `added`, `after`.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before)
  const b = tokens(after)
  const parts: DiffPart[] = []
  if (a.length * b.length > MAX_CELLS) {
    if (before) parts.push({ kind: 'removed', text: before })
    if (after) parts.push({ kind: 'added', text: after })
    return parts
  }
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1
  const lengths = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(parts, 'same', a[i]!)
      i++
      j++
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(parts, 'removed', a[i++]!)
    } else {
      push(parts, 'added', b[j++]!)
    }
  }
  while (i < a.length) push(parts, 'removed', a[i++]!)
  while (j < b.length) push(parts, 'added', b[j++]!)
  return parts
}
