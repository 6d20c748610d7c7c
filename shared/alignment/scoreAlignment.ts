/** A bead reduced to what scoring compares: sentence numbers on each side. */
export interface BeadIndices {
  source: readonly number[]
  target: readonly number[]
}

export interface AlignmentScore {
  strict: { precision: number; recall: number; f1: number }
  lax: { precision: number; recall: number; f1: number }
}

const beadKey = (bead: BeadIndices) => `${bead.source.join(',')}:${bead.target.join(',')}`
const isOneSided = (bead: BeadIndices) => bead.source.length === 0 || bead.target.length === 0

/** True positives (strict and lax) of `test` beads judged against `gold` beads. */
function truePositives(gold: readonly BeadIndices[], test: readonly BeadIndices[]) {
  const goldKeys = new Set(gold.map(beadKey))
  const goldTargetsOfSource = new Map<number, Set<number>>()
  for (const bead of gold)
    for (const s of bead.source) {
      const targets = goldTargetsOfSource.get(s) ?? new Set<number>()
      for (const t of bead.target) targets.add(t)
      goldTargetsOfSource.set(s, targets)
    }
  let strict = 0
  let lax = 0
  let counted = 0
  for (const bead of test) {
    if (bead.source.length === 0 && bead.target.length === 0) continue
    counted++
    if (goldKeys.has(beadKey(bead))) {
      strict++
      lax++
    } else if (
      bead.source.some((s) => bead.target.some((t) => goldTargetsOfSource.get(s)?.has(t)))
    ) {
      lax++
    }
  }
  return { strict, lax, counted }
}

const f1 = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)

/**
 * Strict and lax precision, recall and F1 as in the Vecalign and Bleualign papers: strict
 * needs an exact bead, lax one shared source and target sentence; precision is over predicted
 * beads, recall over gold beads with both sides non-empty.
 */
export function scoreAlignment(
  gold: readonly BeadIndices[],
  predicted: readonly BeadIndices[],
): AlignmentScore {
  const precision = truePositives(gold, predicted)
  const recall = truePositives(
    predicted.filter((bead) => !isOneSided(bead)),
    gold.filter((bead) => !isOneSided(bead)),
  )
  const ratio = (hits: number, of: number) => (of === 0 ? 0 : hits / of)
  const strictP = ratio(precision.strict, precision.counted)
  const strictR = ratio(recall.strict, recall.counted)
  const laxP = ratio(precision.lax, precision.counted)
  const laxR = ratio(recall.lax, recall.counted)
  return {
    strict: { precision: strictP, recall: strictR, f1: f1(strictP, strictR) },
    lax: { precision: laxP, recall: laxR, f1: f1(laxP, laxR) },
  }
}
