import { rulesFor } from './rules/index.ts'
import { splitSentences } from './splitSentences.ts'
import type { TextSegment } from './types.ts'

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
function splitWithIntl(line: string, lang: string): [number, number][] {
  const ranges: [number, number][] = []
  for (const part of sentenceSegmenter(lang).segment(line)) {
    const leading = part.segment.length - part.segment.trimStart().length
    const body = part.segment.trim()
    if (body) ranges.push([part.index + leading, part.index + leading + body.length])
  }
  return ranges
}

/**
 * Splits `text` into sentence segments with offsets, by the rule data of `lang` (en, ru, kk, ar,
 * de, fr) or the Unicode default for other languages. A line break always ends a segment
 * (headings and list items are lines of their own), and sentences never join across lines.
 * Lossless: `text.slice(start, end) === segment.text`, and only whitespace lies between.
 */
export function segmentText(text: string, lang: string): TextSegment[] {
  const rules = rulesFor(lang)
  const segments: TextSegment[] = []
  let paragraph = -1
  const lineBreak = /\r\n|\n|\r|\u2028|\u2029/g
  let lineStart = 0
  const pushLine = (start: number, end: number) => {
    const line = text.slice(start, end)
    if (line.trim() === '') return
    paragraph++
    const ranges = rules ? splitSentences(line, rules) : splitWithIntl(line, lang)
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
