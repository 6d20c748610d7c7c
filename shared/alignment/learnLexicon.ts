import type { FoundBead } from './search.ts'

// Moore (2002) and hunalign's "realign" idea without their machinery: words that keep
// turning up together in the confident 1-1 beads of a first pass are probably translations
// of each other, so a second pass can use them as anchors too.

const MIN_PAIR_COUNT = 2
const MIN_DICE = 0.4
const MAX_TRAINING_BEADS = 2500
const PAIR_BASE = 2 ** 21

/** The confident 1-1 beads of a path: those whose cost is in the lower part of all 1-1 costs. */
function confidentPairs(beads: readonly FoundBead[]): FoundBead[] {
  const ones = beads.filter((bead) => bead.i1 - bead.i0 === 1 && bead.j1 - bead.j0 === 1)
  const costs = ones.map((bead) => bead.cost).sort((a, b) => a - b)
  const threshold = costs[Math.floor(costs.length * 0.8)] ?? Infinity
  const confident = ones.filter((bead) => bead.cost <= threshold)
  const stride = Math.max(1, Math.ceil(confident.length / MAX_TRAINING_BEADS))
  return confident.filter((_, k) => k % stride === 0)
}

/**
 * Keys to add to each sentence: `l<n>` on both sides of a learned word pair n. A word pair is
 * learned when it co-occurs in at least two confident beads and its Dice coefficient over
 * those beads is high; each word keeps only its best partner.
 */
export function learnLexicon(
  beads: readonly FoundBead[],
  sourceWords: readonly (readonly string[])[],
  targetWords: readonly (readonly string[])[],
): { source: string[][]; target: string[][] } {
  const training = confidentPairs(beads)
  const sourceIds = new Map<string, number>()
  const targetIds = new Map<string, number>()
  const idsOf = (words: readonly string[] | undefined, ids: Map<string, number>) => {
    const set = new Set<number>()
    for (const word of words ?? []) {
      let id = ids.get(word)
      if (id === undefined) {
        id = ids.size
        ids.set(word, id)
      }
      set.add(id)
    }
    return set
  }
  const sourceCount: number[] = []
  const targetCount: number[] = []
  // Pair keys are numbers (source id · 2^21 + target id): a Map of numbers stays small and fast.
  const pairCount = new Map<number, number>()
  for (const bead of training) {
    const sourceSet = idsOf(sourceWords[bead.i0], sourceIds)
    const targetSet = idsOf(targetWords[bead.j0], targetIds)
    for (const s of sourceSet) sourceCount[s] = (sourceCount[s] ?? 0) + 1
    for (const t of targetSet) targetCount[t] = (targetCount[t] ?? 0) + 1
    for (const s of sourceSet)
      for (const t of targetSet) {
        const key = s * PAIR_BASE + t
        pairCount.set(key, (pairCount.get(key) ?? 0) + 1)
      }
  }
  const bestForSource = new Map<number, { target: number; dice: number }>()
  const bestForTarget = new Map<number, { source: number; dice: number }>()
  for (const [key, together] of pairCount) {
    if (together < MIN_PAIR_COUNT) continue
    const s = Math.floor(key / PAIR_BASE)
    const t = key % PAIR_BASE
    const dice = (2 * together) / (sourceCount[s]! + targetCount[t]!)
    if (dice < MIN_DICE) continue
    if (dice > (bestForSource.get(s)?.dice ?? 0)) bestForSource.set(s, { target: t, dice })
    if (dice > (bestForTarget.get(t)?.dice ?? 0)) bestForTarget.set(t, { source: s, dice })
  }
  const sourceKey = new Map<string, string>()
  const targetKey = new Map<string, string>()
  const sourceWordOf = [...sourceIds.keys()]
  const targetWordOf = [...targetIds.keys()]
  for (const [s, { target: t }] of bestForSource) {
    if (bestForTarget.get(t)?.source !== s) continue
    const key = 'l' + sourceKey.size
    sourceKey.set(sourceWordOf[s]!, key)
    targetKey.set(targetWordOf[t]!, key)
  }
  const keysOf = (words: readonly string[], lexicon: ReadonlyMap<string, string>) =>
    words.flatMap((word) => {
      const key = lexicon.get(word)
      return key ? [key] : []
    })
  return {
    source: sourceWords.map((words) => keysOf(words, sourceKey)),
    target: targetWords.map((words) => keysOf(words, targetKey)),
  }
}
