import { languageSegmentation, type CustomRules, type LanguageSegmentation } from './customRules.ts'
import { findBreaks, rangesBetween } from './splitSentences.ts'
import { decideSrx } from './srx/compileSrx.ts'
import type { BreakDecision, TextSegment } from './types.ts'

const sentenceSegmenters = new Map<string, Intl.Segmenter>()

function sentenceSegmenter(lang: string): Intl.Segmenter {
  let segmenter = sentenceSegmenters.get(lang)
  if (!segmenter) {
    let locale = 'und'
    try {
      locale = Intl.getCanonicalLocales(lang)[0] ?? 'und'
    } catch {
      locale = 'und' // malformed tag: fall back to the root locale's rules
    }
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })
    sentenceSegmenters.set(lang, segmenter)
  }
  return segmenter
}

/** Languages without rule data fall back to the platform's Unicode sentence rules (UAX #29). */
function intlBreaks(line: string, lang: string, onDecision?: (d: BreakDecision) => void) {
  const breaks: number[] = []
  for (const part of sentenceSegmenter(lang).segment(line)) {
    const at = part.index + part.segment.trimEnd().length
    if (part.index + part.segment.length >= line.length) break
    breaks.push(at)
    onDecision?.({ at, isBreak: true, rule: 'unicode' })
  }
  return breaks
}

// An SRX rule may place its break before or after the space (`\.` + `\s` or `\.\s` + `\p{Lu}`);
// both mean the boundary right after the mark, where the built-in engine puts its breaks.
function boundaryAt(line: string, at: number): number {
  while (at > 0 && /\s/u.test(line[at - 1]!)) at--
  return at
}

function lineBreaks(
  line: string,
  lang: string,
  language: LanguageSegmentation,
  onDecision?: (d: BreakDecision) => void,
): number[] {
  let breaks: number[]
  if (language.srx) {
    breaks = []
    for (const { at, rule } of decideSrx(line, language.srx)) {
      const boundary = boundaryAt(line, at)
      if (rule.rule.isBreak && boundary > 0) breaks.push(boundary)
      onDecision?.({ at: boundary, isBreak: rule.rule.isBreak, rule: 'srx', detail: rule.origin })
    }
  } else if (language.builtin) breaks = findBreaks(line, language.builtin, onDecision)
  else breaks = intlBreaks(line, lang, onDecision)
  if (language.exceptions.length === 0) return breaks
  const kept = new Set(breaks)
  for (const { at, rule } of decideSrx(line, language.exceptions)) {
    const boundary = boundaryAt(line, at)
    if (rule.rule.isBreak) kept.add(boundary)
    else kept.delete(boundary)
    onDecision?.({
      at: boundary,
      isBreak: rule.rule.isBreak,
      rule: 'exception',
      detail: rule.origin,
    })
  }
  return [...kept].sort((a, b) => a - b)
}

function segmentLines(
  text: string,
  lang: string,
  custom: CustomRules | undefined,
  onDecision?: (d: BreakDecision) => void,
): TextSegment[] {
  const language = languageSegmentation(lang, custom)
  const segments: TextSegment[] = []
  let paragraph = -1
  const lineBreak = /\r\n|\n|\r|\u2028|\u2029/g
  let lineStart = 0
  const pushLine = (start: number, end: number) => {
    const line = text.slice(start, end)
    if (line.trim() === '') return
    paragraph++
    const decide = onDecision && ((d: BreakDecision) => onDecision({ ...d, at: start + d.at }))
    const ranges = rangesBetween(line, lineBreaks(line, lang, language, decide))
    for (const [from, to] of ranges) {
      segments.push({ text: line.slice(from, to), start: start + from, end: start + to, paragraph })
    }
  }
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    pushLine(lineStart, match.index)
    lineStart = match.index + match[0].length
  }
  pushLine(lineStart, text.length)
  return segments
}

/**
 * Splits `text` into sentence segments with offsets, by the rule data of `lang` or the Unicode
 * default for languages without any; with `custom`, by a project's SRX file and exceptions. A
 * line break always ends a segment (headings and list items are lines of their own), and
 * sentences never join across lines. Lossless: `text.slice(start, end) === segment.text`, and
 * only whitespace lies between.
 */
export function segmentText(text: string, lang: string, custom?: CustomRules): TextSegment[] {
  return segmentLines(text, lang, custom)
}

/** The segments of `segmentText` and, in text order, the rule that decided at each boundary. */
export interface SegmentationExplanation {
  segments: TextSegment[]
  /** One per position a rule looked at, the last word for it (an exception over the rest). */
  decisions: BreakDecision[]
}

/** Segments `text` as `segmentText` does and says which rule broke or kept each boundary. */
export function explainSegmentation(
  text: string,
  lang: string,
  custom?: CustomRules,
): SegmentationExplanation {
  const last = new Map<number, BreakDecision>()
  const segments = segmentLines(text, lang, custom, (decision) => {
    last.delete(decision.at) // re-insert so that Map order stays the order rules spoke last
    last.set(decision.at, decision)
  })
  const decisions = [...last.values()].sort((a, b) => a.at - b.at)
  return { segments, decisions }
}
