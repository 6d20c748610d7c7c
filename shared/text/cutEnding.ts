/**
 * `word` without the longest of `endings` it ends with that leaves at least `minStem` letters
 * including one of `vowels` (and that `fits` the stem it would leave, when given); `word` itself
 * when no ending qualifies. For the stemmers.
 */
export function cutLongestEnding(
  word: string,
  endings: readonly string[],
  minStem: number,
  vowels: RegExp,
  fits?: (stem: string, ending: string) => boolean,
): string {
  let best = ''
  for (const ending of endings) {
    if (ending.length > best.length && word.endsWith(ending)) {
      const stem = word.slice(0, -ending.length)
      if (stem.length >= minStem && vowels.test(stem) && (fits?.(stem, ending) ?? true))
        best = ending
    }
  }
  return best ? word.slice(0, -best.length) : word
}
