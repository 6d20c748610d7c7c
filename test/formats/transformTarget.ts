import type { TaggedText } from '@qalam/shared/model'

/*
 * A reversible stand-in for a translation: the source in brackets with the case of each
 * letter swapped, tags kept in their places (moved by the opening bracket). Reversible, so
 * a round trip can check that every character and every tag came back.
 */

function swapCase(char: string): string {
  const upper = char.toUpperCase()
  const swapped = upper === char ? char.toLowerCase() : upper
  // Only one-to-one swaps ("ß" upper-cases to "SS"): anything else stays as it is.
  if (
    swapped.length !== 1 ||
    (swapped === upper ? swapped.toLowerCase() : swapped.toUpperCase()) !== char
  ) {
    return char
  }
  return swapped
}

export function transformTarget(source: TaggedText): TaggedText {
  return {
    text: `⟨${Array.from(source.text, swapCase).join('')}⟩`,
    tags: source.tags.map((tag) => ({ ...tag, offset: tag.offset + 1 })),
  }
}

export function untransformTarget(target: TaggedText): TaggedText {
  const inner = target.text.slice(1, -1)
  return {
    text: Array.from(inner, swapCase).join(''),
    tags: target.tags.map((tag) => ({ ...tag, offset: tag.offset - 1 })),
  }
}
