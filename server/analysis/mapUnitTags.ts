import type { InlineTag as UnitTag, TaggedText as UnitText } from '@qalam/shared/formats'
import type { PlacedTag, TaggedText } from '@qalam/shared/model'

/**
 * A memory unit's target as the segment's tagged text: the unit keeps its codes as TMX markup,
 * the segment its own tags. For an exact match the unit's source is the segment's source, so
 * its codes pair with the segment's tags in order; each target code then becomes the tag its
 * same markup in the source pairs with. When the counts differ nothing can be paired safely
 * and the text comes without tags (the tag check then shows what is missing).
 */
export function mapUnitTags(
  unitSource: UnitText,
  unitTarget: UnitText,
  sourceTags: readonly PlacedTag[],
): TaggedText {
  if (unitSource.tags.length !== sourceTags.length || sourceTags.length === 0)
    return { text: unitTarget.text, tags: [] }
  const unpaired = unitSource.tags.map((tag, index) => ({ tag, index }))
  const tags: PlacedTag[] = []
  for (const code of unitTarget.tags) {
    const found = unpaired.findIndex((entry) => sameCode(entry.tag, code))
    if (found === -1) continue
    const [{ index }] = unpaired.splice(found, 1) as [{ tag: UnitTag; index: number }]
    const tag = sourceTags[index]!
    tags.push({ kind: tag.kind, n: tag.n, offset: Math.min(code.at, unitTarget.text.length) })
  }
  tags.sort((a, b) => a.offset - b.offset)
  return { text: unitTarget.text, tags }
}

const sameCode = (a: UnitTag, b: UnitTag) => a.xml === b.xml
