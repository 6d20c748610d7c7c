import * as Y from 'yjs'
import {
  SEGMENT_KEYS,
  SUGGESTION_ORIGINS,
  type SegmentMap,
  type Suggestion,
  type SuggestionOrigin,
} from './schema.ts'
import { validPlacedTags, validTags } from './tags.ts'

function isSuggestionOrigin(value: unknown): value is SuggestionOrigin {
  return typeof value === 'string' && (SUGGESTION_ORIGINS as readonly string[]).includes(value)
}

export function suggestionArray(segment: SegmentMap): Y.Array<unknown> | undefined {
  const value = segment.get(SEGMENT_KEYS.suggestions)
  return value instanceof Y.Array ? (value as Y.Array<unknown>) : undefined
}

/** The segment's suggestions, oldest first; malformed entries are left out. */
export function segmentSuggestions(segment: SegmentMap): Suggestion[] {
  const array = suggestionArray(segment)
  if (!array) return []
  const tags = validTags(segment.get(SEGMENT_KEYS.tags))
  return array.toArray().flatMap((entry): Suggestion[] => {
    if (typeof entry !== 'object' || entry === null) return []
    const record = entry as Record<string, unknown>
    const { id, text, author, origin, createdAt } = record
    if (typeof id !== 'string' || typeof text !== 'string' || !isSuggestionOrigin(origin)) return []
    return [
      {
        id,
        text,
        tags: validPlacedTags(record.tags, tags, text.length),
        author: typeof author === 'string' ? author : '',
        origin,
        createdAt: typeof createdAt === 'number' ? createdAt : 0,
      },
    ]
  })
}
