import type { InlineTag } from '@qalam/shared/model'

/** What a chip's tooltip says: what the tag is, and its original markup. */
export function tagTooltip(tag: InlineTag): string {
  const markup = tag.display.length > 300 ? `${tag.display.slice(0, 300)}…` : tag.display
  return tag.label && tag.label !== markup ? `${tag.label}: ${markup}` : markup
}
