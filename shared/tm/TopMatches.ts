/** A unit found by the index: its id, its score in [0, 1] and whether its neighbours matched. */
export interface IndexMatch {
  id: number
  score: number
  inContext: boolean
}

function isBetter(a: IndexMatch, b: IndexMatch): boolean {
  if (a.score !== b.score) return a.score > b.score
  if (a.inContext !== b.inContext) return a.inContext
  return a.id > b.id
}

/**
 * The best `limit` matches offered so far, at least `minScore` each; `threshold` is the score a
 * new match must reach to enter. Ties prefer in-context matches, then the newest (highest) id.
 */
export class TopMatches {
  private readonly kept: IndexMatch[] = []

  constructor(
    private readonly limit: number,
    private readonly minScore: number,
  ) {}

  get threshold(): number {
    return this.kept.length < this.limit ? this.minScore : this.kept[this.kept.length - 1]!.score
  }

  offer(match: IndexMatch): void {
    if (match.score < this.minScore) return
    // The same unit may be scored twice (first to raise the threshold, then in turn).
    if (this.kept.some((kept) => kept.id === match.id)) return
    if (this.kept.length === this.limit && !isBetter(match, this.kept[this.kept.length - 1]!))
      return
    let at = this.kept.length
    while (at > 0 && isBetter(match, this.kept[at - 1]!)) at--
    this.kept.splice(at, 0, match)
    if (this.kept.length > this.limit) this.kept.pop()
  }

  sorted(): IndexMatch[] {
    return [...this.kept]
  }
}
