import type { XmlElement, XmlNode } from '../xml/index.ts'
import { MC, isW, wAttribute, wChild } from './namespaces.ts'
import type { DocxPart } from './openDocx.ts'

/*
 * One Word paragraph (`w:p`) read into a flat list of pieces: text with the run properties it
 * carries, and inline codes (a tab, a break, an image, a footnote reference, a field's code)
 * kept as ranges of the original part. Containers (hyperlinks, simple fields, inline content
 * controls) wrap the pieces inside them. Bookmarks, comment ranges and comment references are
 * not in the text: each keeps the offset it stood at, and is written back at the start or the
 * end of the sentence that holds that offset (a comment on the first of two sentences stays on
 * the first), never inside a translation. Adjacent runs whose
 * properties differ only in what Word changes on its own (rsids, proofing, language) merge.
 *
 * Tracked changes are accepted as they are read: inserted content is kept, deleted content
 * dropped, property-change records removed.
 */

/** A range of the part written back as is; `rPr` set means: wrapped in a run with them. */
export type RawPiece = [rPr: string | null, start: number, end: number]

/** A paired wrapper: its start markup, its end markup. */
export interface Container {
  label: string
  open: string
  close: string
  /** Set when all the text inside has one formatting: the container carries it, no own tag. */
  key?: string
  rPr?: RunProperties
}

/** Run properties: each child element by local name, in document order. */
export type RunProperties = ReadonlyArray<readonly [local: string, xml: string]>

export type ParagraphPiece =
  | {
      kind: 'text'
      text: string
      rPr: RunProperties
      /** What decides whether two runs look the same. */
      key: string
      containers: readonly Container[]
    }
  | { kind: 'code'; label: string; raw: RawPiece[]; containers: readonly Container[] }

/** A bookmark or comment mark: where in the paragraph's text it stood, and which way it faces. */
export interface TextMarker {
  raw: RawPiece
  /** The offset in `DocxParagraph.text` it stood at. */
  at: number
  /** `start`: written before its sentence (range starts); `end`: after it (ends, references). */
  side: 'start' | 'end'
}

export interface DocxParagraph {
  part: DocxPart
  element: XmlElement
  pieces: ParagraphPiece[]
  /** Bookmarks, comment ranges and comment references, in document order. */
  markers: TextMarker[]
  /** The text of the paragraph: its text pieces joined. */
  text: string
}

/** Elements that only say where something changed: never carried into a key or a rebuild. */
const CHANGE_RECORDS = new Set(['rPrChange', 'pPrChange', 'ins', 'del', 'moveFrom', 'moveTo'])
/** Differences Word makes between runs that look the same. */
const KEY_IGNORED = new Set([...CHANGE_RECORDS, 'lang', 'noProof'])
const LEADING_MARKERS = new Set(['bookmarkStart', 'commentRangeStart', 'permStart'])
const TRAILING_MARKERS = new Set(['bookmarkEnd', 'commentRangeEnd', 'permEnd'])
/** Paragraph content dropped outright: proofing marks and the range marks of moves. */
const DROPPED = new Set([
  'pPr',
  'proofErr',
  'moveFromRangeStart',
  'moveFromRangeEnd',
  'moveToRangeStart',
  'moveToRangeEnd',
  'customXmlInsRangeStart',
  'customXmlInsRangeEnd',
  'customXmlDelRangeStart',
  'customXmlDelRangeEnd',
  'smartTagPr',
  'customXmlPr',
])

/** Elements whose presence in a part means it has tracked changes. */
export const REVISION_ELEMENTS = new Set([
  'ins',
  'del',
  'moveFrom',
  'moveTo',
  'rPrChange',
  'pPrChange',
  'sectPrChange',
  'tblPrChange',
  'tblGridChange',
  'trPrChange',
  'tcPrChange',
  'tblPrExChange',
  'numberingChange',
  'cellIns',
  'cellDel',
  'cellMerge',
])

const STANDALONE_LABELS: Readonly<Record<string, string>> = {
  tab: 'tab',
  ptab: 'tab',
  br: 'break',
  cr: 'break',
  drawing: 'image',
  pict: 'image',
  object: 'object',
  footnoteReference: 'footnote',
  endnoteReference: 'endnote',
  footnoteRef: 'footnote number',
  endnoteRef: 'endnote number',
  sym: 'symbol',
  fldChar: 'field',
  separator: 'separator',
  continuationSeparator: 'separator',
}

/** What the import never reads: VML fallbacks of shapes, and tracked deletions. */
function isSkipped(element: XmlElement): boolean {
  return (
    (element.uri === MC && element.local === 'Fallback') ||
    isW(element, 'del') ||
    isW(element, 'moveFrom')
  )
}

/**
 * The paragraphs of a part in document order (those of text boxes after their anchor's), or
 * of the element `from` of it (itself included when it is one).
 */
export function listParagraphs(part: DocxPart, from: XmlElement = part.xml.root): XmlElement[] {
  const found: XmlElement[] = []
  const visit = (element: XmlElement): void => {
    if (isW(element, 'p')) found.push(element)
    for (const child of element.children) {
      if (child.kind === 'element' && !isSkipped(child)) visit(child)
    }
  }
  if (!isSkipped(from)) visit(from)
  return found
}

/** Whether a part holds any tracked change. */
export function hasRevisions(part: DocxPart): boolean {
  const pending: XmlElement[] = [part.xml.root]
  for (let element = pending.pop(); element; element = pending.pop()) {
    if (isW(element) && REVISION_ELEMENTS.has(element.local)) return true
    for (const child of element.children) if (child.kind === 'element') pending.push(child)
  }
  return false
}

/** A complex field open at some point of a story (`w:fldChar` begin seen, end not yet). */
export interface OpenField {
  /** True between `begin` and `separate`: the field's code, never translated. */
  inCode: boolean
}

/**
 * Reads a paragraph into pieces. `fields` holds the complex fields still open where the
 * paragraph starts (a table of contents begins in its first paragraph and ends in a later
 * one); it is updated to those still open where the paragraph ends.
 */
export function readParagraph(
  part: DocxPart,
  element: XmlElement,
  fields: OpenField[] = [],
): DocxParagraph {
  const source = part.xml.text
  const pieces: ParagraphPiece[] = []
  const markers: TextMarker[] = []
  /** Characters of text read so far: where a marker met now stands. */
  let textLength = 0
  const mark = (raw: RawPiece, side: TextMarker['side']) =>
    markers.push({ raw, at: textLength, side })
  /** The field code being read, as one piece; null outside a code or past a paragraph start. */
  let code: RawPiece[] | null = null

  const inCode = (): boolean => fields.some((field) => field.inCode)
  const addCode = (label: string, raw: RawPiece[], containers: readonly Container[]): void => {
    pieces.push({ kind: 'code', label, raw, containers })
  }
  /** Adds to the code being read, or starts a piece for it (a code continued from before). */
  const toCode = (piece: RawPiece, containers: readonly Container[]): void => {
    if (code) code.push(piece)
    else {
      code = [piece]
      addCode('field', code, containers)
    }
  }
  const addText = (
    text: string,
    rPr: RunProperties,
    key: string,
    containers: readonly Container[],
  ) => {
    if (text === '') return
    textLength += text.length
    const last = pieces.at(-1)
    if (last?.kind === 'text' && last.key === key && sameContainers(last.containers, containers)) {
      last.text += text
    } else pieces.push({ kind: 'text', text, rPr, key, containers })
  }

  const readFieldChar = (child: XmlElement, piece: RawPiece, containers: readonly Container[]) => {
    const type = wAttribute(child, 'fldCharType')
    const field = fields.at(-1)
    if (type === 'begin') {
      toCode(piece, containers)
      fields.push({ inCode: true })
    } else if (type === 'separate' && field) {
      toCode(piece, containers)
      field.inCode = false
      if (!inCode()) code = null
    } else if (type === 'end' && field) {
      fields.pop()
      if (code) {
        code.push(piece)
        if (!inCode()) code = null
      } else addCode('field end', [piece], containers)
    } else {
      // A separate or end with no field open: kept where it stands.
      toCode(piece, containers)
      if (!inCode()) code = null
    }
  }

  const readRun = (run: XmlElement, containers: readonly Container[]): void => {
    const rPrElement = wChild(run, 'rPr')
    const rPr = runProperties(rPrElement, source)
    const key = rPr
      .filter(([local]) => !KEY_IGNORED.has(local))
      .map(([, xml]) => xml)
      .join('')
    const rPrXml = rPr.map(([, xml]) => xml).join('')
    for (const child of run.children) {
      if (child.kind !== 'element') continue
      const piece: RawPiece = [rPrXml, child.start, child.end]
      if (!isW(child)) {
        // mc:AlternateContent (a shape and its fallback) and other foreign content.
        if (inCode()) toCode(piece, containers)
        else addCode('object', [piece], containers)
        continue
      }
      const local = child.local
      if (local === 'rPr' || local === 'delText' || local === 'delInstrText') continue
      if (local === 'lastRenderedPageBreak') continue
      if (local === 'fldChar') {
        readFieldChar(child, piece, containers)
        continue
      }
      if (inCode()) {
        toCode(piece, containers)
        continue
      }
      if (local === 't') addText(runText(child), rPr, key, containers)
      else if (local === 'noBreakHyphen') addText('\u2011', rPr, key, containers)
      else if (local === 'softHyphen') addText('\u00AD', rPr, key, containers)
      else if (local === 'commentReference' || local === 'annotationRef') mark(piece, 'end')
      else {
        const label =
          local === 'br' && wAttribute(child, 'type') === 'page'
            ? 'page break'
            : (STANDALONE_LABELS[local] ?? local)
        addCode(label, [piece], containers)
      }
    }
  }

  const readInline = (parent: XmlElement, containers: readonly Container[]): void => {
    for (const child of parent.children) {
      if (child.kind !== 'element') continue
      const piece: RawPiece = [null, child.start, child.end]
      if (!isW(child)) {
        if (inCode()) toCode(piece, containers)
        else addCode(child.uri === MC ? 'object' : child.local, [piece], containers)
        continue
      }
      const local = child.local
      if (DROPPED.has(local) || local === 'del' || local === 'moveFrom') continue
      if (local === 'r') readRun(child, containers)
      else if (
        local === 'ins' ||
        local === 'moveTo' ||
        local === 'smartTag' ||
        local === 'customXml'
      ) {
        readInline(child, containers)
      } else if (LEADING_MARKERS.has(local)) mark(piece, 'start')
      else if (TRAILING_MARKERS.has(local)) mark(piece, 'end')
      else if (
        !child.selfClosing &&
        (local === 'hyperlink' || local === 'fldSimple' || local === 'dir' || local === 'bdo')
      ) {
        const container = wrapper(
          child,
          child,
          source,
          local === 'hyperlink' ? 'link' : local === 'fldSimple' ? 'field' : 'direction',
        )
        readInline(child, [...containers, container])
      } else if (local === 'sdt' && wChild(child, 'sdtContent')) {
        const content = wChild(child, 'sdtContent')!
        readInline(content, [...containers, wrapper(child, content, source, 'content control')])
      } else if (inCode()) toCode(piece, containers)
      else addCode(local === 'oMath' || local === 'oMathPara' ? 'math' : local, [piece], containers)
    }
  }

  readInline(element, [])
  foldFormatting(pieces)
  const text = pieces.map((piece) => (piece.kind === 'text' ? piece.text : '')).join('')
  return { part, element, pieces, markers, text }
}

/** Gives a wrapper whose text all looks the same that formatting (a link in its style). */
function foldFormatting(pieces: readonly ParagraphPiece[]): void {
  const keys = new Map<Container, string | null>()
  const properties = new Map<Container, RunProperties>()
  for (const piece of pieces) {
    piece.containers.forEach((container, index) => {
      const isInnermost = index === piece.containers.length - 1
      if (!isInnermost) keys.set(container, null)
      else if (piece.kind === 'text') {
        const known = keys.get(container)
        if (known === undefined) {
          keys.set(container, piece.key)
          properties.set(container, piece.rPr)
        } else if (known !== piece.key) keys.set(container, null)
      }
    })
  }
  for (const [container, key] of keys) {
    if (key === null) continue
    container.key = key
    container.rPr = properties.get(container)!
  }
}

/** A wrapper's start markup (up to its content) and end markup (from its content's end). */
function wrapper(outer: XmlElement, content: XmlElement, source: string, label: string): Container {
  return {
    label,
    open: source.slice(outer.start, content.contentStart),
    close: source.slice(content.contentEnd, outer.end),
  }
}

function sameContainers(a: readonly Container[], b: readonly Container[]): boolean {
  return a.length === b.length && a.every((container, index) => container === b[index])
}

/** A run's properties as (local name, markup) pairs, change records left out. */
export function runProperties(rPr: XmlElement | undefined, source: string): RunProperties {
  if (!rPr) return []
  const out: Array<readonly [string, string]> = []
  for (const child of rPr.children) {
    if (child.kind !== 'element' || CHANGE_RECORDS.has(child.local)) continue
    out.push([
      child.local,
      source.slice(child.start, child.end).replace(/\s+\w*:?rsid\w*="[^"]*"/g, ''),
    ])
  }
  return out
}

/** The characters of a `w:t`: line ends inside one are spaces to Word. */
function runText(t: XmlElement): string {
  let out = ''
  for (const node of t.children as XmlNode[]) if (node.kind === 'text') out += node.text
  return out.replace(/[\r\n]/g, ' ')
}
