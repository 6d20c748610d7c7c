/** How a term may be used: the approved choice, an accepted alternative, or one to avoid. */
export type TermStatus = 'preferred' | 'admitted' | 'forbidden'

export const TERM_STATUSES: readonly TermStatus[] = ['preferred', 'admitted', 'forbidden']

/** One term of a concept in one language (a TBX termSec / tig). */
export interface Term {
  lang: string
  text: string
  status: TermStatus
  partOfSpeech?: string
  note?: string
}

/** One concept of a glossary with its terms in every language it has. */
export interface GlossaryEntry {
  terms: Term[]
  definition?: string
  note?: string
  source?: string
  subject?: string
}
