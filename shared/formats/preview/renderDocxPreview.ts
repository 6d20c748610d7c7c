import { childElements, scanXml, type XmlElement } from '../xml/index.ts'
import { escapeHtml, previewPage, type PreviewLabels } from './previewPage.ts'

/*
 * A DOCX's main part as HTML, for the preview of an exported document: paragraphs with their
 * headings, alignment and direction; runs with bold, italic, underline, strike, superscript,
 * subscript and colour; lists (bulleted or numbered, by the numbering part); tables with
 * merged columns; footnotes gathered at the end; images as labelled placeholders. What a
 * reader needs to check a translation in place, not a layout engine. Hostile input stays
 * text: only our own tags and checked attribute values are written.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** The parts of a DOCX the preview reads (bytes decoded to text); only `document` is required. */
export interface DocxParts {
  document: string
  styles?: string
  numbering?: string
  footnotes?: string
}

interface Context {
  /** Heading level by paragraph style id (from the style's name, "heading 1" …, or its id). */
  headings: Map<string, number>
  /** Whether a list is numbered, by numbering id and level. */
  numbered: (numId: string, level: number) => boolean
  footnotes: Map<string, XmlElement>
  /** Footnote ids in the order the text refers to them. */
  referenced: string[]
  labels: PreviewLabels
}

function w(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find(
    (child): child is XmlElement =>
      child.kind === 'element' && child.local === local && child.uri === W,
  )
}

function ws(element: XmlElement, local: string): XmlElement[] {
  return childElements(element, local).filter((child) => child.uri === W)
}

function val(element: XmlElement | undefined): string | undefined {
  return element?.attributes['w:val']
}

/** Whether an on/off property (`<w:b/>`, `<w:b w:val="0"/>`) is on. */
function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false
  const value = val(element)
  return value === undefined || !['0', 'false', 'off', 'none'].includes(value)
}

function readHeadings(styles: string | undefined): Map<string, number> {
  const headings = new Map<string, number>([['Title', 1]])
  for (let level = 1; level <= 6; level++) headings.set(`Heading${level}`, level)
  if (!styles) return headings
  for (const style of ws(scanXml(styles).root, 'style')) {
    const id = style.attributes['w:styleId']
    const name = val(w(style, 'name'))?.toLowerCase() ?? ''
    const match = /^heading ([1-6])$/.exec(name)
    if (id && match) headings.set(id, Number(match[1]))
    if (id && name === 'title') headings.set(id, 1)
  }
  return headings
}

function readNumbering(numbering: string | undefined): Context['numbered'] {
  if (!numbering) return () => false
  const root = scanXml(numbering).root
  const abstractFormats = new Map<string, Map<number, string>>()
  for (const abstract of ws(root, 'abstractNum')) {
    const levels = new Map<number, string>()
    for (const level of ws(abstract, 'lvl')) {
      levels.set(Number(level.attributes['w:ilvl'] ?? 0), val(w(level, 'numFmt')) ?? 'decimal')
    }
    abstractFormats.set(abstract.attributes['w:abstractNumId'] ?? '', levels)
  }
  const byNum = new Map<string, string>()
  for (const num of ws(root, 'num')) {
    byNum.set(num.attributes['w:numId'] ?? '', val(w(num, 'abstractNumId')) ?? '')
  }
  return (numId, level) => {
    const format = abstractFormats.get(byNum.get(numId) ?? '')?.get(level)
    return format !== undefined && format !== 'bullet' && format !== 'none'
  }
}

function readFootnotes(footnotes: string | undefined): Map<string, XmlElement> {
  const notes = new Map<string, XmlElement>()
  if (!footnotes) return notes
  for (const note of ws(scanXml(footnotes).root, 'footnote')) {
    const type = note.attributes['w:type']
    if (type === 'separator' || type === 'continuationSeparator') continue
    notes.set(note.attributes['w:id'] ?? '', note)
  }
  return notes
}

function runStyle(properties: XmlElement | undefined): { open: string; close: string } {
  if (!properties) return { open: '', close: '' }
  const tags: string[] = []
  if (isOn(w(properties, 'b'))) tags.push('strong')
  if (isOn(w(properties, 'i'))) tags.push('em')
  if (isOn(w(properties, 'u'))) tags.push('u')
  if (isOn(w(properties, 'strike'))) tags.push('s')
  const vertical = val(w(properties, 'vertAlign'))
  if (vertical === 'superscript') tags.push('sup')
  if (vertical === 'subscript') tags.push('sub')
  const color = val(w(properties, 'color'))
  let open = tags.map((tag) => `<${tag}>`).join('')
  let close = [...tags]
    .reverse()
    .map((tag) => `</${tag}>`)
    .join('')
  if (color && /^[0-9A-Fa-f]{6}$/.test(color) && color !== '000000') {
    open = `<span style="color:#${color}">${open}`
    close = `${close}</span>`
  }
  return { open, close }
}

function renderRun(run: XmlElement, context: Context): string {
  const properties = w(run, 'rPr')
  if (properties && isOn(w(properties, 'vanish'))) return ''
  let content = ''
  for (const child of run.children) {
    if (child.kind !== 'element' || child.uri !== W) continue
    switch (child.local) {
      case 't':
        for (const inner of child.children)
          if (inner.kind === 'text') content += escapeHtml(inner.text)
        break
      case 'tab':
        content += '\t'
        break
      case 'br':
      case 'cr':
        content += '<br>'
        break
      case 'noBreakHyphen':
        content += '\u2011'
        break
      case 'drawing':
      case 'pict':
      case 'object':
        content += `<span class="image">${escapeHtml(context.labels.image)}</span>`
        break
      case 'footnoteReference': {
        const id = child.attributes['w:id'] ?? ''
        if (!context.footnotes.has(id)) break
        if (!context.referenced.includes(id)) context.referenced.push(id)
        const number = context.referenced.indexOf(id) + 1
        content += `<sup><a href="#footnote-${number}" id="footnote-ref-${number}">${number}</a></sup>`
        break
      }
    }
  }
  if (content === '') return ''
  const style = runStyle(properties)
  return `${style.open}${content}${style.close}`
}

/** The inline content of a paragraph (runs, and runs inside links, insertions, fields). */
function renderInline(element: XmlElement, context: Context): string {
  let html = ''
  for (const child of element.children) {
    if (child.kind !== 'element' || child.uri !== W) continue
    switch (child.local) {
      case 'r':
        html += renderRun(child, context)
        break
      case 'del':
      case 'moveFrom':
      case 'pPr':
      case 'sdtPr':
        break
      default:
        // Hyperlinks, tracked insertions, simple fields, smart tags, content controls: their
        // runs are the text. A link's target is left out on purpose: the preview links nowhere.
        html += renderInline(child, context)
    }
  }
  return html
}

interface RenderedParagraph {
  html: string
  list: { numbered: boolean; level: number } | null
}

function renderParagraph(paragraph: XmlElement, context: Context): RenderedParagraph {
  const properties = w(paragraph, 'pPr')
  const style = val(properties && w(properties, 'pStyle'))
  const level = style ? context.headings.get(style) : undefined
  const attributes: string[] = []
  if (properties && isOn(w(properties, 'bidi'))) attributes.push('dir="rtl"')
  const justify = val(properties && w(properties, 'jc'))
  const align =
    justify === 'center'
      ? 'center'
      : justify === 'both'
        ? 'justify'
        : justify === 'right'
          ? 'right'
          : null
  if (align) attributes.push(`style="text-align:${align}"`)
  const attributeText = attributes.length > 0 ? ` ${attributes.join(' ')}` : ''
  const inline = renderInline(paragraph, context)
  const numbering = properties && w(properties, 'numPr')
  if (numbering && level === undefined) {
    const numId = val(w(numbering, 'numId')) ?? ''
    const depth = Number(val(w(numbering, 'ilvl')) ?? 0) || 0
    if (numId !== '0') {
      const indent = depth > 0 ? ` style="margin-inline-start:${Math.min(depth, 8) * 1.5}em"` : ''
      return {
        html: `<li${indent}${attributes.includes('dir="rtl"') ? ' dir="rtl"' : ''}>${inline}</li>`,
        list: { numbered: context.numbered(numId, depth), level: depth },
      }
    }
  }
  const tag = level !== undefined ? `h${level}` : 'p'
  return { html: `<${tag}${attributeText}>${inline}</${tag}>`, list: null }
}

function renderTable(table: XmlElement, context: Context): string {
  const rows = ws(table, 'tr')
    .map((row) => {
      const cells = ws(row, 'tc')
        .map((cell) => {
          const span = Number(val(w(w(cell, 'tcPr') ?? cell, 'gridSpan')) ?? 1)
          const colspan =
            Number.isInteger(span) && span > 1 && span < 64 ? ` colspan="${span}"` : ''
          return `<td${colspan}>${renderBlocks(cell, context)}</td>`
        })
        .join('')
      return `<tr>${cells}</tr>`
    })
    .join('')
  return `<table>${rows}</table>`
}

/** Paragraphs and tables of a container, consecutive list items gathered into lists. */
function renderBlocks(container: XmlElement, context: Context): string {
  const out: string[] = []
  let list: { numbered: boolean; items: string[] } | null = null
  const closeList = () => {
    if (!list) return
    const tag = list.numbered ? 'ol' : 'ul'
    out.push(`<${tag}>${list.items.join('')}</${tag}>`)
    list = null
  }
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.kind !== 'element' || child.uri !== W) continue
      if (child.local === 'p') {
        const rendered = renderParagraph(child, context)
        if (rendered.list) {
          if (!list || (rendered.list.level === 0 && list.numbered !== rendered.list.numbered)) {
            closeList()
            list = { numbered: rendered.list.numbered, items: [] }
          }
          list.items.push(rendered.html)
        } else {
          closeList()
          out.push(rendered.html)
        }
      } else if (child.local === 'tbl') {
        closeList()
        out.push(renderTable(child, context))
      } else if (
        child.local === 'sdt' ||
        child.local === 'sdtContent' ||
        child.local === 'customXml'
      ) {
        visit(child)
      }
    }
  }
  visit(container)
  closeList()
  return out.join('\n')
}

/**
 * The HTML page of a DOCX's content, in `lang` (the document's target language). Throws the
 * XmlError of scanXml for a part that is not well-formed or has a DTD.
 */
export function renderDocxPreview(
  parts: DocxParts,
  title: string,
  lang: string,
  labels: PreviewLabels,
): string {
  const root = scanXml(parts.document).root
  const body = w(root, 'body')
  const context: Context = {
    headings: readHeadings(parts.styles),
    numbered: readNumbering(parts.numbering),
    footnotes: readFootnotes(parts.footnotes),
    referenced: [],
    labels,
  }
  let html = body ? renderBlocks(body, context) : ''
  if (context.referenced.length > 0) {
    const notes = context.referenced
      .map((id, index) => {
        const note = context.footnotes.get(id)!
        const text = ws(note, 'p')
          .map((paragraph) => renderInline(paragraph, context))
          .join(' ')
        return `<li id="footnote-${index + 1}">${text}</li>`
      })
      .join('')
    html += `\n<section class="footnotes"><h2>${escapeHtml(labels.footnotes)}</h2><ol>${notes}</ol></section>`
  }
  return previewPage(title, lang, html)
}
