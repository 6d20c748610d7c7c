import {
  tagChipText,
  tagKey,
  taggedPieces,
  type InlineTag,
  type PlacedTag,
} from '@qalam/shared/model'
import { tagTooltip } from './tagTooltip.ts'
import './tags.css'

/** A text with its inline tags drawn as chips, each with its original markup as tooltip. */
export function TaggedText({
  text,
  tags,
  list,
}: {
  text: string
  tags: readonly PlacedTag[]
  list: readonly InlineTag[]
}) {
  const byKey = new Map(list.map((tag) => [tagKey(tag), tag]))
  return (
    <>
      {taggedPieces({ text, tags: [...tags] }).map((piece, index) => {
        if (typeof piece === 'string') return <span key={index}>{piece}</span>
        const tag = byKey.get(tagKey(piece))
        return (
          <span
            key={index}
            className={`tag-chip tag-chip--${piece.kind}`}
            title={tag ? tagTooltip(tag) : undefined}
            data-tag-kind={piece.kind}
            data-tag-n={piece.n}
          >
            {tagChipText(piece)}
          </span>
        )
      })}
    </>
  )
}
