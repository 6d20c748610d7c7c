// Gale & Church (1993): the target length of a true bead is normal around c·(source length)
// with variance growing with length; the cost is −log of the two-sided tail probability.

/** −log erfc(x) for x ≥ 0, from the Numerical Recipes erfc approximation (relative error < 1.2e-7), stable for large x. */
function negLogErfc(x: number): number {
  const t = 1 / (1 + 0.5 * x)
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  return -(Math.log(t) - x * x + poly)
}

/**
 * Cost of pairing `sourceChars` with `targetChars` characters when targets are on average
 * `ratio` times as long as sources and `variance` is the squared spread per character.
 */
export function lengthCost(
  sourceChars: number,
  targetChars: number,
  ratio: number,
  variance: number,
): number {
  if (sourceChars === 0 && targetChars === 0) return 0
  const mean = (sourceChars + targetChars / ratio) / 2
  const delta =
    (targetChars - ratio * sourceChars) / Math.sqrt(Math.max(mean, 1) * ratio * variance)
  return negLogErfc(Math.abs(delta) / Math.SQRT2)
}
