/**
 * The highest score a unit can reach against the query, from weights alone (tenths of a word):
 * `queryWeight`, `queryWordWeight` (its words only), the unit's `unitWeight` and
 * `unitWordWeight`, and `sharedWordWeight`, the weight of words the two share by stem (counted
 * as often as both have them). Never below the true score, so a unit whose bound is under the
 * best score found so far can be skipped without scoring it.
 *
 * Why it holds: a query word without a same-stem partner is deleted or replaced at its full
 * weight, and an op pairing two tokens of one stem pairs equal weights, so if the unit is the
 * heavier its extra weight must be inserted or paid in replacements on top:
 * distance ≥ (queryWordWeight − shared) + max(0, unitWeight − queryWeight), and symmetrically.
 */
export function scoreBound(
  queryWeight: number,
  queryWordWeight: number,
  unitWeight: number,
  unitWordWeight: number,
  sharedWordWeight: number,
): number {
  const fromQuery = queryWordWeight - sharedWordWeight + Math.max(0, unitWeight - queryWeight)
  const fromUnit = unitWordWeight - sharedWordWeight + Math.max(0, queryWeight - unitWeight)
  const heavier = Math.max(queryWeight, unitWeight)
  if (heavier === 0) return 1
  return 1 - Math.max(fromQuery, fromUnit) / heavier
}
