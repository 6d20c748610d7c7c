const segmenters = new Map<string, Intl.Segmenter>()

function wordSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang || 'und', { granularity: 'word' })
    segmenters.set(lang, segmenter)
  }
  return segmenter
}

/** Number of words in `text` as a CAT tool counts them: word-like tokens, numbers included. */
export function countWords(text: string, lang = 'und'): number {
  let count = 0
  for (const part of wordSegmenter(lang).segment(text)) if (part.isWordLike) count++
  return count
}
