/** Where one character occurs: its code point and the 1-based numbers of the segments holding it. */
export interface CharacterPlaces {
  character: string
  /** `U+04B1`: tells apart characters that look alike (Cyrillic and Latin, NBSP and space). */
  codePoint: string
  /** At most `maxSegments` segment numbers, in document order. */
  segments: number[]
  /** How many segments hold it in all. */
  segmentCount: number
}

/** The `U+XXXX` name of a character's first code point. */
export function codePointName(character: string): string {
  const code = character.codePointAt(0) ?? 0
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * For each of `characters`, the segments (1-based, as the editor numbers them) whose exported
 * text contains it; a character found only between segments has none.
 */
export function locateCharacters(
  segmentTexts: readonly string[],
  characters: readonly string[],
  maxSegments: number,
): CharacterPlaces[] {
  return characters.map((character) => {
    const segments: number[] = []
    let segmentCount = 0
    segmentTexts.forEach((text, index) => {
      if (!text.includes(character)) return
      segmentCount++
      if (segments.length < maxSegments) segments.push(index + 1)
    })
    return { character, codePoint: codePointName(character), segments, segmentCount }
  })
}
