import { anchorKeys, cognateMode, wordForms } from './anchors.ts'
import { buildAnchorIndex, mergeAnchorIndexes } from './anchorIndex.ts'
import { dictionaryKeys } from './dictionaryKeys.ts'
import { learnLexicon } from './learnLexicon.ts'
import { roughPathCost, searchBeads, type FoundBead, type SearchInput } from './search.ts'
import type { AlignOptions, Bead } from './types.ts'

// Gale & Church's spread per character (s² = 6.8), used until the document gives its own.
const DEFAULT_VARIANCE = 6.8
const ANCHOR_GAIN = 0.5
const ANCHOR_MISS = 0.15
// A sentence without a counterpart costs about what Gale & Church's 1-0 prior (5.3) plus one
// poor length match would; each further sentence of the same untranslated run costs little, so
// a stretch the translator left out is one gap, not a chain of wrong pairs or merges. Results
// were flat for open 5–8 and extend 1–2 on all three development pairs.
const SKIP_OPEN = 7
const SKIP_EXTEND = 1.5

function countChars(sentence: string): number {
  let count = 0
  for (const char of sentence) if (char.trim() !== '') count++
  return count
}

function paragraphStarts(
  paragraphs: readonly number[] | undefined,
  count: number,
): Uint8Array | null {
  if (!paragraphs || paragraphs.length !== count) return null
  const starts = new Uint8Array(count)
  let opened = 0
  for (let k = 0; k < count; k++) {
    if (k === 0 || paragraphs[k] !== paragraphs[k - 1]) {
      starts[k] = 1
      opened++
    }
  }
  return opened > 1 ? starts : null
}

/**
 * Target characters per source character over the 1-1 beads of a first pass: unlike the ratio
 * of the whole texts, it is not skewed when a part of one side has no counterpart.
 */
function estimateRatio(beads: readonly FoundBead[], input: SearchInput): number {
  let source = 0
  let target = 0
  let count = 0
  for (const bead of beads) {
    if (bead.i1 - bead.i0 !== 1 || bead.j1 - bead.j0 !== 1) continue
    source += input.sourceChars[bead.i0]!
    target += input.targetChars[bead.j0]!
    count++
  }
  return count < 10 || source === 0 || target === 0 ? input.ratio : target / source
}

/**
 * The length ratio to start from. The ratio of the whole texts is right for a complete
 * translation but far off for a partial one (a translation of a third of the text makes every
 * source sentence look three times too long, and the search merges them), so the whole-text
 * ratio competes with a ratio of 1 and with shifted versions of itself; the one whose best path
 * costs least wins. The first pass's 1-1 beads then refine it.
 */
function startingRatio(input: SearchInput): number {
  const whole = input.ratio
  const candidates = [whole, 1, whole * 1.5, whole / 1.5].filter(
    (ratio, k, all) => all.findIndex((other) => Math.abs(other / ratio - 1) < 0.1) === k,
  )
  let best = whole
  let bestCost = Infinity
  for (const ratio of candidates) {
    const cost = roughPathCost({ ...input, ratio })
    if (cost < bestCost) {
      best = ratio
      bestCost = cost
    }
  }
  return best
}

/** Spread of target length around ratio · source length in the 1-1 beads of a first pass. */
function estimateVariance(beads: readonly FoundBead[], input: SearchInput): number {
  let sum = 0
  let count = 0
  for (const bead of beads) {
    if (bead.i1 - bead.i0 !== 1 || bead.j1 - bead.j0 !== 1) continue
    const source = input.sourceChars[bead.i0]!
    const target = input.targetChars[bead.j0]!
    const mean = (source + target / input.ratio) / 2
    if (mean < 1) continue
    sum += (target - input.ratio * source) ** 2 / (mean * input.ratio)
    count++
  }
  if (count < 20) return DEFAULT_VARIANCE
  return Math.min(Math.max(sum / count, 2), 40)
}

// Confidence is a logistic of cost per sentence: a typical good 1-1 bead costs about 1–3.
function confidenceOf(bead: FoundBead): number {
  const sentences = bead.i1 - bead.i0 + (bead.j1 - bead.j0)
  const perSentence = bead.cost / Math.max(1, sentences / 2)
  return 1 / (1 + Math.exp(perSentence - 4))
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k)
}

/**
 * Aligns the sentences of a source and of its translation. Returns beads covering every
 * sentence of both sides exactly once, in order, shaped 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 or
 * 1-3. Scores character lengths (ratio taken from the document), anchors that survive
 * translation (numbers, marks, URLs, names and cognates across scripts, dictionary entries,
 * word pairs learned from a first pass) and paragraph boundaries when both sides have them.
 */
export function align(
  source: readonly string[],
  target: readonly string[],
  options: AlignOptions = {},
): Bead[] {
  if (source.length === 0 || target.length === 0) {
    return [
      ...source.map((_, k) => ({ source: [k], target: [], confidence: 1 })),
      ...target.map((_, k) => ({ source: [], target: [k], confidence: 1 })),
    ]
  }
  const sourceChars = Int32Array.from(source, countChars)
  const targetChars = Int32Array.from(target, countChars)
  const sourceTotal = sourceChars.reduce((a, b) => a + b, 0)
  const targetTotal = targetChars.reduce((a, b) => a + b, 0)
  const sourceStarts = paragraphStarts(options.sourceParagraphs, source.length)
  const targetStarts = paragraphStarts(options.targetParagraphs, target.length)
  const input: SearchInput = {
    sourceChars,
    targetChars,
    ratio: sourceTotal > 0 && targetTotal > 0 ? targetTotal / sourceTotal : 1,
    variance: DEFAULT_VARIANCE,
    anchors: null,
    anchorGain: ANCHOR_GAIN,
    anchorMiss: ANCHOR_MISS,
    skip: options.method === 'length' ? null : { open: SKIP_OPEN, extend: SKIP_EXTEND },
    paragraphStarts:
      sourceStarts && targetStarts ? { source: sourceStarts, target: targetStarts } : null,
  }
  let beads: FoundBead[]
  if (options.method === 'length') {
    beads = searchBeads(input)
  } else {
    const mode = cognateMode(source, target)
    const sourceKeys = source.map((sentence) => anchorKeys(sentence, mode))
    const targetKeys = target.map((sentence) => anchorKeys(sentence, mode))
    if (options.dictionary?.length) {
      const extra = dictionaryKeys(options.dictionary, source, target)
      extra.source.forEach((keys, k) => sourceKeys[k]!.push(...keys))
      extra.target.forEach((keys, k) => targetKeys[k]!.push(...keys))
    }
    input.anchors = buildAnchorIndex(sourceKeys, targetKeys)
    input.ratio = startingRatio(input)
    const first = searchBeads(input)
    input.ratio = estimateRatio(first, input)
    input.variance = estimateVariance(first, input)
    const learned = learnLexicon(first, source.map(wordForms), target.map(wordForms))
    input.anchors = mergeAnchorIndexes(
      input.anchors,
      buildAnchorIndex(learned.source, learned.target),
    )
    beads = searchBeads(input, first)
  }
  return spreadGapCosts(beads).map((bead) => ({
    source: range(bead.i0, bead.i1),
    target: range(bead.j0, bead.j1),
    confidence: confidenceOf(bead),
  }))
}

/**
 * Shares the cost of each run of one-sided beads (a gap) evenly among its beads: the first
 * carries the gap's opening cost alone otherwise, and a long untranslated stretch would show
 * one doubtful sentence followed by confident ones.
 */
function spreadGapCosts(beads: readonly FoundBead[]): FoundBead[] {
  const side = (bead: FoundBead) => (bead.j1 === bead.j0 ? 1 : bead.i1 === bead.i0 ? 2 : 0)
  const spread = beads.map((bead) => ({ ...bead }))
  for (let start = 0; start < spread.length;) {
    const kind = side(spread[start]!)
    let end = start + 1
    while (kind !== 0 && end < spread.length && side(spread[end]!) === kind) end++
    if (end - start > 1) {
      const run = spread.slice(start, end)
      const mean = run.reduce((total, bead) => total + bead.cost, 0) / run.length
      for (const bead of run) bead.cost = mean
    }
    start = end
  }
  return spread
}
