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

export type EditAction =
  | { kind: 'merge'; index: number }
  | { kind: 'split'; index: number; side: Side; at: number }
  | { kind: 'splitInSentence'; index: number; side: Side; sentence: number; offset: number }
  | { kind: 'shift'; index: number; side: Side; direction: Direction }
  | { kind: 'mergeSourceless' }

export type ReviewAction =
  | EditAction
  | { kind: 'undo' }
  | { kind: 'chooseWord'; pair: string; side: Side }
  | { kind: 'cancelWord' }

/** The side of one pair, named by `pairKey`, whose words are offered as cut points. */
export interface WordChoice {
  pair: string
  side: Side
}

export interface ReviewHistory {
  review: Review
  /** Earlier reviews, the most recent last. */
  past: Review[]
  /**
   * At most one side chooses a word at a time. Any edit or undo ends the choice: pair keys
   * are sentence indices, which a cut renumbers, so a kept choice could land on another pair.
   */
  choosingWord: WordChoice | null
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
    choosingWord: null,
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

/**
 * Applies an edit and remembers the review before it, steps back with `undo`, or starts and
 * ends choosing a word to cut at.
 */
export function reviewReducer(history: ReviewHistory, action: ReviewAction): ReviewHistory {
  switch (action.kind) {
    case 'chooseWord':
      return { ...history, choosingWord: { pair: action.pair, side: action.side } }
    case 'cancelWord':
      return history.choosingWord === null ? history : { ...history, choosingWord: null }
    case 'undo': {
      const previous = history.past[history.past.length - 1]
      if (!previous) return history
      return { review: previous, past: history.past.slice(0, -1), choosingWord: null }
    }
    default: {
      const next = applyEdit(history.review, action)
      if (next === null) return history
      return {
        review: next,
        past: [...history.past.slice(1 - MAX_UNDO), history.review],
        choosingWord: null,
      }
    }
  }
}
