import type { TagKind } from '../../model/index.ts'

/**
 * One inline tag of a text unit, as a markup format read it: where it stands in the unit's
 * text, its kind, and the markup it stands for (`raw`, written back as it was).
 */
export interface UnitTag {
  kind: TagKind
  /** UTF-16 offset in the unit's text; offsets never decrease. */
  offset: number
  /** Short hint for the chip's tooltip ("bold", "link", "code"). */
  label: string
  raw: string
  /** Same number on an open tag and its close, when the format knows they pair. */
  pair?: number
}

/**
 * A run of translatable text of a markup document (a paragraph, a heading, a table cell, an
 * attribute value) with its inline markup as tags. A unit is cut into segments at import and
 * written back whole at export.
 */
export interface TextUnit {
  text: string
  tags: UnitTag[]
}
