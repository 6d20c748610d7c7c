import {
  mergeSourcelessPairs,
  mergeWithNext,
  shiftSentence,
  splitPair,
  splitPairInSentence,
  type Direction,
  type Review,
  type SideText,
  type Side,
} from './alignmentEdits.ts'

export type ReviewAction =
  | { kind: 'merge'; index: number }
  | { kind: 'split'; index: number; side: Side; at: number }
  | { kind: 'splitInSentence'; index: number; side: Side; sentence: number; offset: number }
  | { kind: 'shift'; index: number; side: Side; direction: Direction }
  | { kind: 'mergeSourceless' }
  | { kind: 'undo' }

export type EditAction = Exclude<ReviewAction, { kind: 'undo' }>

export interface ReviewHistory {
  review: Review
  /** Earlier reviews, the most recent last. */
  past: Review[]
}

/** Enough to walk back a long session; older steps are dropped to bound memory. */
const MAX_UNDO = 200

export interface ProposedAlignment {
  source: SideText
  target: SideText
  beads: ReadonlyArray<{ source: number[]; target: number[]; confidence: number }>
}

export function startReview(proposal: ProposedAlignment): ReviewHistory {
  return {
    review: {
      source: proposal.source,
      target: proposal.target,
      pairs: proposal.beads.map((bead) => ({
        source: [...bead.source],
        target: [...bead.target],
        confidence: bead.confidence,
      })),
    },
    past: [],
  }
}

/** The review after an edit, or null when the edit does not apply to it. */
export function applyEdit(review: Review, action: EditAction): Review | null {
  switch (action.kind) {
    case 'merge':
      return mergeWithNext(review, action.index)
    case 'split':
      return splitPair(review, action.index, action.side, action.at)
    case 'splitInSentence':
      return splitPairInSentence(review, action.index, action.side, action.sentence, action.offset)
    case 'shift':
      return shiftSentence(review, action.index, action.side, action.direction)
    case 'mergeSourceless':
      return mergeSourcelessPairs(review)
  }
}

/** Applies an edit and remembers the review before it, or steps back with `undo`. */
export function reviewReducer(history: ReviewHistory, action: ReviewAction): ReviewHistory {
  if (action.kind === 'undo') {
    const previous = history.past[history.past.length - 1]
    return previous ? { review: previous, past: history.past.slice(0, -1) } : history
  }
  const next = applyEdit(history.review, action)
  if (next === null) return history
  return { review: next, past: [...history.past.slice(1 - MAX_UNDO), history.review] }
}
