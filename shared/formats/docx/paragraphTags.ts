import type { InlineTag, PlacedTag } from '../../model/index.ts'
import { MAX_TAG_DISPLAY_CHARS } from '../../model/index.ts'
import type {
  Container,
  DocxParagraph,
  ParagraphPiece,
  RawPiece,
  RunProperties,
} from './readParagraph.ts'

/*
 * A paragraph's pieces, cut at sentence boundaries, as segments with inline tags. Text in the
 * paragraph's most common formatting carries no tag; other formatting becomes a paired tag,
 * each wrapper (link, field, content control) another, and every inline code a standalone
 * tag. A tag's `data` is what the export needs to write it back (see `DocxTagData`).
 */

/** What a DOCX tag's opaque `data` holds (JSON). */
export type DocxTagData =
  /** Paired: text inside is written with these run properties. */
  | { f: RunProperties }
  /** Paired: text inside is wrapped in this markup. */
  | { o: string; c: string; f?: RunProperties }
  /** Standalone: ranges of the original part, written back as they were. */
  | { p: RawPiece[] }

export interface TaggedSegment {
  source: string
  tags: InlineTag[]
  sourceTags: PlacedTag[]
}

/**
 * The key of the paragraph's own formatting: the one its text starts and ends in, when those
 * agree ("Подборка <u>отреставрированных</u> карт." is plain with an underlined word, however
 * long the word), else the one most characters have. Text a translator types outside tags gets
 * it, so it must be what the sentence is written in, not what stands out of it.
 */
export function baseKey(paragraph: DocxParagraph): string {
  const counts = new Map<string, number>()
  let first: string | undefined
  let last: string | undefined
  for (const piece of paragraph.pieces) {
    if (piece.kind !== 'text') continue
    counts.set(piece.key, (counts.get(piece.key) ?? 0) + piece.text.length)
    if (piece.text.trim() === '') continue
    first ??= piece.key
    last = piece.key
  }
  if (first !== undefined && first === last) return first
  let best = ''
  let most = -1
  for (const [key, count] of counts) {
    if (count > most) {
      best = key
      most = count
    }
  }
  return best
}

/** The run properties of the base formatting (those of its first text piece). */
export function baseProperties(paragraph: DocxParagraph): RunProperties {
  const key = baseKey(paragraph)
  for (const piece of paragraph.pieces)
    if (piece.kind === 'text' && piece.key === key) return piece.rPr
  return []
}

type Span = { id: Container | string; data: DocxTagData; label: string; display: string }

/**
 * The segments of a paragraph cut at `ranges` (offsets into its text, in order). A code
 * belongs to the segment it stands in, at its end, or before it (codes in a gap between two
 * segments go to the next one).
 */
export function tagSegments(
  paragraph: DocxParagraph,
  ranges: ReadonlyArray<{ start: number; end: number }>,
  source: string,
): TaggedSegment[] {
  const base = baseKey(paragraph)
  const baseXml = new Set(baseProperties(paragraph).map(([, xml]) => xml))
  const located: Array<{ piece: ParagraphPiece; start: number }> = []
  let at = 0
  for (const piece of paragraph.pieces) {
    located.push({ piece, start: at })
    if (piece.kind === 'text') at += piece.text.length
  }
  return ranges.map((range, index) => {
    const isFirst = index === 0
    const isLast = index === ranges.length - 1
    const previousEnd = index === 0 ? -1 : ranges[index - 1]!.end
    const builder = new SegmentBuilder(source)
    for (const { piece, start } of located) {
      if (piece.kind === 'text') {
        const from = Math.max(start, range.start)
        const to = Math.min(start + piece.text.length, range.end)
        if (from < to)
          builder.text(piece, piece.text.slice(from - start, to - start), base, baseXml)
      } else {
        const inside = (isFirst || start > previousEnd) && (start <= range.end || isLast)
        if (inside) builder.code(piece)
      }
    }
    return builder.finish()
  })
}

class SegmentBuilder {
  private out = ''
  private readonly tags: InlineTag[] = []
  private readonly placed: PlacedTag[] = []
  private readonly open: Array<{ span: Span; n: number }> = []
  private next = 1

  constructor(private readonly source: string) {}

  text(
    piece: Extract<ParagraphPiece, { kind: 'text' }>,
    text: string,
    base: string,
    baseXml: ReadonlySet<string>,
  ): void {
    const wanted: Span[] = piece.containers.map((container) => containerSpan(container))
    const carrier = piece.containers.at(-1)
    if (piece.key !== base && carrier?.key !== piece.key) {
      wanted.push(formatSpan(piece.rPr, piece.key, baseXml))
    }
    this.arrange(wanted)
    this.out += text
  }

  code(piece: Extract<ParagraphPiece, { kind: 'code' }>): void {
    const wanted: Span[] = piece.containers.map((container) => containerSpan(container))
    // A code inside formatted text leaves the formatting open around it.
    const top = this.open[wanted.length]
    if (top && this.open.length === wanted.length + 1 && typeof top.span.id === 'string') {
      const prefixMatches = wanted.every((span, index) => this.open[index]?.span.id === span.id)
      if (prefixMatches) wanted.push(top.span)
    }
    this.arrange(wanted)
    const n = this.next++
    const display = piece.raw.map(([, start, end]) => this.source.slice(start, end)).join('')
    this.tags.push({
      kind: 'standalone',
      n,
      label: piece.label,
      display: display.slice(0, MAX_TAG_DISPLAY_CHARS),
      data: JSON.stringify({ p: piece.raw } satisfies DocxTagData),
    })
    this.placed.push({ kind: 'standalone', n, offset: this.out.length })
  }

  finish(): { source: string; tags: InlineTag[]; sourceTags: PlacedTag[] } {
    this.arrange([])
    return { source: this.out, tags: this.tags, sourceTags: this.placed }
  }

  /** Closes open spans not in `wanted` (innermost first) and opens the new ones. */
  private arrange(wanted: readonly Span[]): void {
    let common = 0
    while (
      common < this.open.length &&
      common < wanted.length &&
      this.open[common]!.span.id === wanted[common]!.id
    ) {
      common++
    }
    while (this.open.length > common) {
      const { n } = this.open.pop()!
      this.placed.push({ kind: 'close', n, offset: this.out.length })
    }
    for (const span of wanted.slice(common)) {
      const n = this.next++
      this.tags.push({
        kind: 'open',
        n,
        label: span.label,
        display: span.display,
        data: JSON.stringify(span.data),
      })
      this.tags.push({ kind: 'close', n, label: span.label, display: '', data: '' })
      this.placed.push({ kind: 'open', n, offset: this.out.length })
      this.open.push({ span, n })
    }
  }
}

function containerSpan(container: Container): Span {
  return {
    id: container,
    data:
      container.rPr === undefined
        ? { o: container.open, c: container.close }
        : { o: container.open, c: container.close, f: container.rPr },
    label: container.label,
    display: container.open.slice(0, MAX_TAG_DISPLAY_CHARS),
  }
}

const FORMAT_LABELS: Readonly<Record<string, string>> = {
  b: 'bold',
  i: 'italic',
  u: 'underline',
  strike: 'strike',
  color: 'colour',
  highlight: 'highlight',
  rStyle: 'style',
  caps: 'caps',
  smallCaps: 'small caps',
  sz: 'size',
  rFonts: 'font',
}

/** A formatting tag, labelled by what it adds to the paragraph's usual formatting. */
function formatSpan(rPr: RunProperties, key: string, baseXml: ReadonlySet<string>): Span {
  const labels: string[] = []
  for (const [local, xml] of rPr) {
    if (baseXml.has(xml)) continue
    if (local === 'vertAlign')
      labels.push(
        /superscript/.test(xml) ? 'superscript' : /subscript/.test(xml) ? 'subscript' : 'baseline',
      )
    else {
      const label = FORMAT_LABELS[local]
      if (label && !labels.includes(label)) labels.push(label)
    }
  }
  return {
    id: `format:${key}`,
    data: { f: rPr },
    label: labels.join(' ') || (rPr.length === 0 ? 'plain' : 'format'),
    display: rPr
      .map(([, xml]) => xml)
      .join('')
      .slice(0, MAX_TAG_DISPLAY_CHARS),
  }
}
