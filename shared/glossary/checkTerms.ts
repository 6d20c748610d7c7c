import { concordanceSpans } from '../tm/index.ts'
import type { TermRecognizer } from './recognizeTerms.ts'
import type { Term } from './types.ts'

/** Why a segment's target disagrees with the glossary. */
export type TermFinding<Id> =
  | { kind: 'missing'; entryId: Id; source: Term; expected: Term[] }
  | { kind: 'forbidden'; entryId: Id; source: Term; used: Term; start: number; end: number }

/**
 * The term check of one segment: for each term found in `source`, the target must hold one of
 * the entry's preferred or admitted target terms (through the target language's endings and
 * clitics) and none of its forbidden ones. Entries without a target term are not checked.
 */
export function checkTerms<Id>(
  recognizer: TermRecognizer<Id>,
  source: string,
  target: string,
  targetLang: string,
): TermFinding<Id>[] {
  const findings: TermFinding<Id>[] = []
  const checked = new Set<Id>()
  for (const hit of recognizer.find(source)) {
    if (checked.has(hit.entryId)) continue
    checked.add(hit.entryId)
    const approved = hit.targets.filter((term) => term.status !== 'forbidden')
    const forbidden = hit.targets.filter((term) => term.status === 'forbidden')
    for (const term of forbidden) {
      const span = concordanceSpans(target, term.text, targetLang)[0]
      if (span) {
        findings.push({
          kind: 'forbidden',
          entryId: hit.entryId,
          source: hit.term,
          used: term,
          start: span.start,
          end: span.end,
        })
      }
    }
    if (approved.length === 0) continue
    const present = approved.some(
      (term) => concordanceSpans(target, term.text, targetLang).length > 0,
    )
    if (!present) {
      findings.push({ kind: 'missing', entryId: hit.entryId, source: hit.term, expected: approved })
    }
  }
  return findings
}
