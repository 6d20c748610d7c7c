import { writesTranslation, type ExportScope } from '../../export/index.ts'
import type {
  InlineTag as SegmentTag,
  PlacedTag,
  SegmentStatus,
  TaggedText as SegmentTagged,
} from '../../model/index.ts'
import { escapeXmlText } from './escapeXml.ts'
import type { TaggedText } from './types.ts'
import { tmxEnd, tmxStart, tmxUnit } from './writeTmx.ts'

/** What a document's TMX needs of one segment. */
export interface TmxSegment {
  id: string
  source: string
  target: string
  status: SegmentStatus
  tags: readonly SegmentTag[]
  sourceTags: readonly PlacedTag[]
  targetTags: readonly PlacedTag[]
  updatedBy: string | null
  updatedAt: number | null
}

/**
 * One side of a segment as TMX 1.4b inline markup: a pair whose open and close are both in
 * the text is `<bpt>`/`<ept>` sharing `i`, a half of a pair split across segments is `<it>`,
 * a standalone tag `<ph>`; each holds the tag's original markup (escaped) as its code. The
 * document's TMX export writes these; a memory unit made from the segment stores them.
 */
export function tmxTagged(tagged: SegmentTagged, list: readonly SegmentTag[]): TaggedText {
  const byKey = new Map(list.map((tag) => [`${tag.kind}:${tag.n}`, tag]))
  const opens = new Set(tagged.tags.filter((tag) => tag.kind === 'open').map((tag) => tag.n))
  const closes = new Set(tagged.tags.filter((tag) => tag.kind === 'close').map((tag) => tag.n))
  return {
    text: tagged.text,
    tags: tagged.tags.map((tag) => {
      const code = escapeXmlText(byKey.get(`${tag.kind}:${tag.n}`)?.display ?? '')
      const isPaired = opens.has(tag.n) && closes.has(tag.n)
      const xml =
        tag.kind === 'standalone'
          ? `<ph x="${tag.n}">${code}</ph>`
          : !isPaired
            ? `<it pos="${tag.kind === 'open' ? 'begin' : 'end'}" x="${tag.n}">${code}</it>`
            : tag.kind === 'open'
              ? `<bpt i="${tag.n}">${code}</bpt>`
              : `<ept i="${tag.n}">${code}</ept>`
      return { at: tag.offset, xml }
    }),
  }
}

/**
 * A document's translated pairs as a TMX 1.4b file: one `<tu>` per segment whose translation
 * `scope` writes (every translation, or approved ones only), tags as TMX inline elements.
 */
export function documentTmx(
  input: { sourceLang: string; targetLang: string; title: string },
  segments: readonly TmxSegment[],
  scope: ExportScope,
): { xml: string; pairs: number } {
  let xml = tmxStart({ srcLang: input.sourceLang })
  let pairs = 0
  for (const segment of segments) {
    if (!writesTranslation(segment, scope)) continue
    pairs++
    const changed = segment.updatedAt ?? undefined
    xml += tmxUnit({
      tuid: segment.id,
      srcLang: input.sourceLang,
      props: { 'x-document': input.title, 'x-status': segment.status },
      variants: [
        {
          lang: input.sourceLang,
          seg: tmxTagged({ text: segment.source, tags: [...segment.sourceTags] }, segment.tags),
        },
        {
          lang: input.targetLang,
          seg: tmxTagged({ text: segment.target, tags: [...segment.targetTags] }, segment.tags),
          ...(segment.updatedBy ? { changeId: segment.updatedBy } : {}),
          ...(changed !== undefined ? { changeDate: changed } : {}),
        },
      ],
    })
  }
  return { xml: xml + tmxEnd(), pairs }
}
