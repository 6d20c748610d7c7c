/** Bead shapes the search considers: sentences taken from the source (di) and target (dj). */
export const BEAD_SOURCE = Int32Array.from([1, 1, 0, 2, 1, 2, 3, 1])
export const BEAD_TARGET = Int32Array.from([1, 0, 1, 1, 2, 2, 1, 3])

/**
 * −log prior of each shape, after Gale & Church (1993): 1-1 0.89, 1-0/0-1 0.0099,
 * 2-1/1-2 0.089, 2-2 0.011; 3-1/1-3, which they did not model, get half the 2-2 mass.
 */
export const BEAD_PRIOR_COST = Float64Array.from(
  [0.89, 0.0099 / 2, 0.0099 / 2, 0.089 / 2, 0.089 / 2, 0.011, 0.0055 / 2, 0.0055 / 2].map(
    (p) => -Math.log(p),
  ),
)
