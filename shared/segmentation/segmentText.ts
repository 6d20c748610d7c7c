import type { TextSegment } from './types.ts'

const sentenceSegmenters = new Map<string, Intl.Segmenter>()

function sentenceSegmenter(lang: string): Intl.Segmenter {
  let segmenter = sentenceSegmenters.get(lang)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang || 'und', { granularity: 'sentence' })
    sentenceSegmenters.set(lang, segmenter)
  }
  return segmenter
}

/**
 * Splits `text` into sentence segments with offsets. A line break always ends a segment
 * (headings and list items are lines of their own), and sentences never join across lines.
 */
export function segmentText(text: string, lang: string): TextSegment[] {
  const segments: TextSegment[] = []
  let paragraph = -1
  const lineBreak = /\r\n|\n|\r|\u2028|\u2029/g
  let lineStart = 0
  const pushLine = (start: number, end: number) => {
    const line = text.slice(start, end)
    if (line.trim() === '') return
    paragraph++
    for (const part of sentenceSegmenter(lang).segment(line)) {
      const trimmedStart = part.segment.length - part.segment.trimStart().length
      const body = part.segment.trim()
      if (!body) continue
      const segStart = start + part.index + trimmedStart
      segments.push({ text: body, start: segStart, end: segStart + body.length, paragraph })
    }
  }
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    pushLine(lineStart, match.index)
    lineStart = match.index + match[0].length
  }
  pushLine(lineStart, text.length)
  return segments
}
