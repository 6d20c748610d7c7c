import { parse, type DefaultTreeAdapterTypes } from 'parse5'
import {
  MarkupError,
  MAX_MARKUP_DEPTH,
  MAX_UNIT_CHARS,
  type TextUnit,
  type UnitTag,
} from '../textUnits/index.ts'

type Node = DefaultTreeAdapterTypes.Node
type ChildNode = DefaultTreeAdapterTypes.ChildNode
type Element = DefaultTreeAdapterTypes.Element

/*
 * What of an HTML page is translated, with where it stands in the source text (parse5's
 * location info), so that the export splices translations into the original instead of
 * serialising a tree: whatever is not text keeps its bytes.
 *
 * - Block elements (p, li, td, h1…, div) bound units; a unit is a run of text and inline
 *   elements, whose markup becomes tags (paired for b/i/a/span…, standalone for br/img).
 * - script, style, pre, textarea, template, svg, math, comments between blocks and anything
 *   under translate="no" are never read; inline code/kbd/samp/var and inline translate="no"
 *   elements become one protected standalone tag.
 * - Translatable attributes (HTML/ITS conventions): alt, title, placeholder, aria-label,
 *   the value of input buttons, and meta description/keywords content, each its own unit.
 */

/** Inline (phrasing) elements: they stay inside a unit as tags. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
])
/** Inline elements whose content is code, not prose: one protected tag each. */
const PROTECTED_INLINE = new Set(['code', 'kbd', 'samp', 'var', 'script', 'style', 'svg', 'math'])
/** Elements whose content is never translated. */
const SKIPPED = new Set([
  'script',
  'style',
  'pre',
  'textarea',
  'template',
  'svg',
  'math',
  'noscript',
  'iframe',
  'object',
  'code',
  'select',
])
const VOID_INLINE = new Set(['br', 'img', 'input', 'wbr'])
const LABELS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  a: 'link',
}

/** A run of text and inline markup, spliced at `[start, end)` of the source. */
export interface HtmlRun {
  kind: 'run'
  start: number
  end: number
  unit: TextUnit
  /** Where each tag of `unit` stands in the source, in the same order. */
  ranges: Array<{ start: number; end: number }>
}

/** A translatable attribute, spliced at `[start, end)` (the whole `name="value"`). */
export interface HtmlAttribute {
  kind: 'attribute'
  start: number
  end: number
  /** The name as the source spells it. */
  name: string
  unit: TextUnit
  /** Inside a run's tag: written with that tag, not on its own. */
  isNested: boolean
}

export type HtmlUnit = HtmlRun | HtmlAttribute

export interface HtmlLayout {
  /** Units with text, in document order; the i-th is paragraph i of the document. */
  units: HtmlUnit[]
  /** The `<html>` start tag, where the export sets lang and dir; null when implicit. */
  root: {
    insertAt: number
    lang: { start: number; end: number } | null
    dir: { start: number; end: number } | null
  } | null
}

const SPACE = /[ \t\n\r\f]+/g
const isBlank = (text: string) => text.replace(SPACE, '') === ''

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value
}

function translateOf(element: Element, inherited: boolean): boolean {
  const value = attribute(element, 'translate')?.trim().toLowerCase()
  if (value === 'no') return false
  if (value === 'yes' || value === '') return true
  return inherited
}

function isElement(node: Node): node is Element {
  return 'tagName' in node
}

/** Names of the attributes of `element` that carry translatable text. */
function translatableAttributes(element: Element): string[] {
  const names = ['title', 'aria-label']
  const tag = element.tagName
  if (tag === 'img' || tag === 'area') names.push('alt')
  if (tag === 'input') {
    names.push('placeholder')
    const type = attribute(element, 'type')?.toLowerCase()
    if (type === 'image') names.push('alt')
    if (type === 'submit' || type === 'button' || type === 'reset') names.push('value')
  }
  if (tag === 'textarea') names.push('placeholder')
  if (tag === 'meta') {
    const name = attribute(element, 'name')?.toLowerCase()
    if (name === 'description' || name === 'keywords') names.push('content')
  }
  return names
}

class Reader {
  readonly units: HtmlUnit[] = []
  constructor(private readonly text: string) {}

  /** Attribute units of `element`, nested when the element is a run's tag. */
  attributes(element: Element, isNested: boolean): HtmlAttribute[] {
    const found: HtmlAttribute[] = []
    const locations = element.sourceCodeLocation?.attrs
    if (!locations) return found
    for (const name of translatableAttributes(element)) {
      const value = attribute(element, name)
      const at = locations[name]
      if (value === undefined || at === undefined || isBlank(value)) continue
      const unitText = value.replace(SPACE, ' ').trim()
      if (unitText.length > MAX_UNIT_CHARS) {
        throw new MarkupError('too_long', `the ${name} attribute holds ${value.length} characters`)
      }
      const raw = this.text.slice(at.startOffset, at.endOffset)
      const equals = raw.indexOf('=')
      found.push({
        kind: 'attribute',
        start: at.startOffset,
        end: at.endOffset,
        name: equals < 0 ? raw : raw.slice(0, equals).trimEnd(),
        unit: { text: unitText, tags: [] },
        isNested,
      })
    }
    return found
  }

  /** Reads the children of a block-level node: runs between its block children. */
  block(parent: Node, translate: boolean, depth: number): void {
    if (depth > MAX_MARKUP_DEPTH) {
      throw new MarkupError('too_deep', `elements are nested more than ${MAX_MARKUP_DEPTH} deep`)
    }
    const children: ChildNode[] =
      'content' in parent && parent.nodeName === 'template'
        ? []
        : 'childNodes' in parent
          ? parent.childNodes
          : []
    let run: ChildNode[] = []
    const flush = () => {
      if (run.length > 0 && translate) this.run(run, depth)
      run = []
    }
    for (const child of children) {
      if (child.nodeName === '#text') run.push(child)
      else if (child.nodeName === '#comment') {
        if (run.length > 0) run.push(child)
      } else if (isElement(child) && this.isInline(child, depth + 1)) run.push(child)
      else if (isElement(child)) {
        flush()
        const inner = translateOf(child, translate)
        if (inner) this.units.push(...this.attributes(child, false))
        if (!SKIPPED.has(child.tagName)) this.block(child, inner, depth + 1)
      }
    }
    flush()
  }

  /** An inline element that holds no block: it can stand in a run as tags. */
  isInline(element: Element, depth: number): boolean {
    if (!INLINE.has(element.tagName) || !element.sourceCodeLocation) return false
    if (PROTECTED_INLINE.has(element.tagName)) return true
    if (depth > MAX_MARKUP_DEPTH) {
      throw new MarkupError('too_deep', `elements are nested more than ${MAX_MARKUP_DEPTH} deep`)
    }
    return element.childNodes.every((child) => !isElement(child) || this.isInline(child, depth + 1))
  }

  run(nodes: ChildNode[], depth: number): void {
    const first = nodes[0]!.sourceCodeLocation
    const last = nodes[nodes.length - 1]!.sourceCodeLocation
    if (!first || !last) return
    const start = first.startOffset
    const end = last.endOffset
    let text = ''
    const tags: UnitTag[] = []
    const ranges: Array<{ start: number; end: number }> = []
    const nested: HtmlAttribute[] = []
    let pairs = 0
    let isOrdered = true
    let cursor = start
    const addTag = (tag: Omit<UnitTag, 'offset'>, from: number, to: number) => {
      if (from < cursor) isOrdered = false
      cursor = to
      tags.push({ ...tag, offset: text.length })
      ranges.push({ start: from, end: to })
    }
    const addText = (value: string) => {
      const collapsed = value.replace(SPACE, ' ')
      // Blanks collapse within text, never across a tag: the blank on each side of an image
      // is the source's.
      const isAfterTag = tags.length > 0 && tags[tags.length - 1]!.offset === text.length
      const isRepeat = !isAfterTag && text.endsWith(' ') && collapsed.startsWith(' ')
      text += isRepeat ? collapsed.slice(1) : collapsed
    }
    const visit = (node: ChildNode, translate: boolean, level: number) => {
      const at = node.sourceCodeLocation
      if (!at) {
        isOrdered = false
        return
      }
      if (node.nodeName === '#text' && 'value' in node) {
        if (at.startOffset < cursor) isOrdered = false
        cursor = at.endOffset
        addText(node.value)
        return
      }
      if (!isElement(node)) {
        addTag(
          { kind: 'standalone', label: 'comment', raw: this.slice(at) },
          at.startOffset,
          at.endOffset,
        )
        return
      }
      const inner = translateOf(node, translate)
      if (!inner || PROTECTED_INLINE.has(node.tagName)) {
        addTag(
          { kind: 'standalone', label: node.tagName, raw: this.slice(at) },
          at.startOffset,
          at.endOffset,
        )
        return
      }
      const open = node.sourceCodeLocation?.startTag
      if (!open) {
        isOrdered = false
        return
      }
      nested.push(...this.attributes(node, true))
      const label = LABELS[node.tagName] ?? node.tagName
      if (VOID_INLINE.has(node.tagName)) {
        addTag(
          { kind: 'standalone', label, raw: this.slice(open) },
          open.startOffset,
          open.endOffset,
        )
        return
      }
      const pair = ++pairs
      addTag({ kind: 'open', label, raw: this.slice(open), pair }, open.startOffset, open.endOffset)
      if (level > MAX_MARKUP_DEPTH) {
        throw new MarkupError('too_deep', `elements are nested more than ${MAX_MARKUP_DEPTH} deep`)
      }
      for (const child of node.childNodes) visit(child, inner, level + 1)
      // An end tag the source left implicit is an empty close: nothing to write back.
      const close = node.sourceCodeLocation?.endTag
      const closeAt = close ?? { startOffset: at.endOffset, endOffset: at.endOffset }
      addTag(
        { kind: 'close', label, raw: close ? this.slice(close) : '', pair },
        closeAt.startOffset,
        closeAt.endOffset,
      )
    }
    for (const node of nodes) visit(node, true, depth)
    const standalone = nested.map((unit) => ({ ...unit, isNested: false }))
    // parse5 repairs misnested markup by moving nodes; such a run cannot be spliced back in
    // place, so it stays as it is (untranslated) rather than being written out of order.
    if (!isOrdered || cursor > end || text.replace(SPACE, '').replace(/\u00a0/g, '') === '') {
      this.units.push(...standalone)
      return
    }
    // The source's own blanks at the run's edges stay outside the splice, byte for byte.
    const raw = this.text.slice(start, end)
    const leading = nodes[0]!.nodeName === '#text' ? /^[ \t\n\r\f]*/.exec(raw)![0].length : 0
    const trailing =
      nodes[nodes.length - 1]!.nodeName === '#text' ? /[ \t\n\r\f]*$/.exec(raw)![0].length : 0
    const cutStart = leading > 0 && text.startsWith(' ') ? 1 : 0
    const cutEnd = trailing > 0 && text.endsWith(' ') && text.length > cutStart ? 1 : 0
    const unitText = text.slice(cutStart, text.length - cutEnd)
    if (unitText.length > MAX_UNIT_CHARS) {
      throw new MarkupError('too_long', `a paragraph holds ${unitText.length} characters`)
    }
    this.units.push({
      kind: 'run',
      start: start + leading,
      end: end - trailing,
      unit: {
        text: unitText,
        tags: tags.map((tag) => ({
          ...tag,
          offset: Math.min(Math.max(tag.offset - cutStart, 0), unitText.length),
        })),
      },
      ranges,
    })
    this.units.push(...nested)
  }

  slice(at: { startOffset: number; endOffset: number }): string {
    return this.text.slice(at.startOffset, at.endOffset)
  }
}

function rootOf(document: DefaultTreeAdapterTypes.Document): HtmlLayout['root'] {
  const html = document.childNodes.find(
    (node): node is Element => isElement(node) && node.tagName === 'html',
  )
  const open = html?.sourceCodeLocation?.startTag
  const attrs = html?.sourceCodeLocation?.attrs
  if (!html || !open) return null
  const span = (name: string) => {
    const at = attrs?.[name]
    return at ? { start: at.startOffset, end: at.endOffset } : null
  }
  return { insertAt: open.startOffset + '<html'.length, lang: span('lang'), dir: span('dir') }
}

/**
 * The translatable units of an HTML page and where they stand in `text` (decoded). Throws
 * `MarkupError` for nesting deeper than {@link MAX_MARKUP_DEPTH} or a unit longer than
 * {@link MAX_UNIT_CHARS}; never changes or re-serialises the text.
 */
export function readHtml(text: string): HtmlLayout {
  const document = parse(text, { sourceCodeLocationInfo: true })
  const reader = new Reader(text)
  reader.block(document, true, 0)
  return { units: reader.units, root: rootOf(document) }
}
