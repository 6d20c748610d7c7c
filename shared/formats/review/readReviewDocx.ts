import { XmlError, childElements, scanXml, type XmlElement } from '../xml/index.ts'
import { DEFAULT_ZIP_LIMITS, ZipError, readZip, type ZipLimits } from '../zip/index.ts'
import { parseRowKey, parseTableKey } from './reviewTable.ts'

/*
 * Reads a review table back from a DOCX a reviewer edited (in Word, LibreOffice, Google Docs):
 * the document id of the hidden heading, and for each row its hidden segment key and the text
 * of its target cell. Tracked changes count as accepted (insertions in, deletions out); hidden
 * text and anything outside the cell's paragraphs are left out. Never trusts the file: the
 * archive is read with limits, the XML without a DTD (scanXml refuses one), sizes bounded.
 */

export type ReviewReadErrorCode =
  'not_docx' | 'not_review_table' | 'too_large' | 'dtd' | 'malformed'

export class ReviewReadError extends Error {
  override name = 'ReviewReadError'
  constructor(
    readonly code: ReviewReadErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export interface ReviewReadRow {
  segmentId: string
  /** Fingerprint of the target as exported (see `textFingerprint`). */
  fingerprint: string
  /** The target cell's text, tag markers included. */
  target: string
}

export interface ReviewRead {
  documentId: string
  rows: ReviewReadRow[]
  /** Rows of the table that carry no segment key (the head row, rows a reviewer added). */
  rowsWithoutKey: number
}

export interface ReviewReadLimits {
  zip: ZipLimits
  /** Characters of the document part. */
  maxChars: number
  /** Rows of the table. */
  maxRows: number
}

export const DEFAULT_REVIEW_READ_LIMITS: ReviewReadLimits = {
  zip: { ...DEFAULT_ZIP_LIMITS, maxEntrySize: 64 * 1024 * 1024, maxTotalSize: 128 * 1024 * 1024 },
  maxChars: 64 * 1024 * 1024,
  maxRows: 200_000,
}

/** Zip refusals that say the file is too big (a zip bomb among them), not that it is no zip. */
const SIZE_CODES: ReadonlySet<string> = new Set([
  'too_many_entries',
  'too_large',
  'entry_too_large',
  'ratio',
])

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const DOCUMENT_PART = 'word/document.xml'
const TARGET_COLUMN = 2

function isW(element: XmlElement, local: string): boolean {
  return element.local === local && element.uri === W
}

function isHiddenRun(run: XmlElement): boolean {
  const properties = childElements(run, 'rPr').find((each) => each.uri === W)
  if (!properties) return false
  const vanish = childElements(properties, 'vanish').find((each) => each.uri === W)
  if (!vanish) return false
  const value = vanish.attributes['w:val']
  return value === undefined || !['0', 'false', 'off'].includes(value)
}

/** Text of a run's content: text, tabs and breaks. */
function runText(run: XmlElement): string {
  let text = ''
  for (const child of run.children) {
    if (child.kind !== 'element' || child.uri !== W) continue
    if (child.local === 't') {
      for (const inner of child.children) if (inner.kind === 'text') text += inner.text
    } else if (child.local === 'tab') text += '\t'
    else if (child.local === 'br' || child.local === 'cr') text += '\n'
    else if (child.local === 'noBreakHyphen') text += '\u2011'
  }
  return text
}

/** Visible and hidden text under `element`, paragraph by paragraph. */
function collectText(element: XmlElement, into: { visible: string; hidden: string }): void {
  for (const child of element.children) {
    if (child.kind !== 'element' || child.uri !== W) continue
    switch (child.local) {
      case 'r':
        if (isHiddenRun(child)) into.hidden += runText(child)
        else into.visible += runText(child)
        break
      // A tracked deletion is not text; nested tables and properties are not the cell's text.
      case 'del':
      case 'moveFrom':
      case 'tbl':
      case 'sdtPr':
      case 'pPr':
      case 'rPr':
        break
      default:
        collectText(child, into)
    }
  }
}

function cellText(cell: XmlElement): { visible: string; hidden: string } {
  const paragraphs: string[] = []
  const out = { visible: '', hidden: '' }
  const visit = (element: XmlElement) => {
    for (const child of element.children) {
      if (child.kind !== 'element' || child.uri !== W) continue
      if (child.local === 'p') {
        const text = { visible: '', hidden: '' }
        collectText(child, text)
        paragraphs.push(text.visible)
        out.hidden += text.hidden
      } else if (
        child.local === 'sdt' ||
        child.local === 'sdtContent' ||
        child.local === 'customXml'
      ) {
        visit(child)
      }
    }
  }
  visit(cell)
  out.visible = paragraphs.join('\n')
  return out
}

/** The cells of a row, content controls around cells included. */
function rowCells(row: XmlElement): XmlElement[] {
  const cells: XmlElement[] = []
  for (const child of row.children) {
    if (child.kind !== 'element' || child.uri !== W) continue
    if (child.local === 'tc') cells.push(child)
    else if (child.local === 'sdt' || child.local === 'sdtContent' || child.local === 'customXml')
      cells.push(...rowCells(child))
  }
  return cells
}

function tableRows(table: XmlElement): XmlElement[] {
  const rows: XmlElement[] = []
  for (const child of table.children) {
    if (child.kind !== 'element' || child.uri !== W) continue
    if (child.local === 'tr') rows.push(child)
    else if (child.local === 'sdt' || child.local === 'sdtContent' || child.local === 'customXml')
      rows.push(...tableRows(child))
  }
  return rows
}

function findDocumentKey(body: XmlElement): string | null {
  for (const child of body.children) {
    if (child.kind !== 'element' || !isW(child, 'p')) continue
    const text = { visible: '', hidden: '' }
    collectText(child, text)
    const key = parseTableKey(text.hidden)
    if (key) return key
  }
  return null
}

/**
 * The document id and rows of an edited review table. Throws `ReviewReadError`: `not_docx` for
 * a file that is no DOCX, `not_review_table` for a DOCX that is not one of our review tables,
 * `too_large` past a limit (a zip bomb included), `dtd` and `malformed` for XML we refuse.
 */
export function readReviewDocx(
  bytes: Uint8Array,
  limits: ReviewReadLimits = DEFAULT_REVIEW_READ_LIMITS,
): ReviewRead {
  let text: string | undefined
  try {
    const archive = readZip(bytes, limits.zip)
    const entry = archive.entry(DOCUMENT_PART)
    text = entry && archive.readText(entry)
  } catch (error) {
    if (!(error instanceof ZipError)) throw error
    throw new ReviewReadError(SIZE_CODES.has(error.code) ? 'too_large' : 'not_docx', error.message)
  }
  if (text === undefined)
    throw new ReviewReadError('not_docx', 'the archive has no word/document.xml')
  let root: XmlElement
  try {
    root = scanXml(text, {
      maxChars: limits.maxChars,
      maxDepth: 200,
      maxElements: 10_000_000,
    }).root
  } catch (error) {
    if (!(error instanceof XmlError)) throw error
    const code =
      error.code === 'dtd' ? 'dtd' : error.code === 'malformed' ? 'malformed' : 'too_large'
    throw new ReviewReadError(code, error.message)
  }
  const body = isW(root, 'document')
    ? childElements(root, 'body').find((b) => b.uri === W)
    : undefined
  if (!body) throw new ReviewReadError('not_docx', 'the document part has no body')
  const documentId = findDocumentKey(body)
  const table = childElements(body, 'tbl').find((each) => each.uri === W)
  if (!documentId || !table) {
    throw new ReviewReadError('not_review_table', 'the file is not a review table made here')
  }
  const rows: ReviewReadRow[] = []
  let rowsWithoutKey = 0
  const all = tableRows(table)
  if (all.length > limits.maxRows) {
    throw new ReviewReadError('too_large', `the table has more than ${limits.maxRows} rows`)
  }
  for (const row of all) {
    const cells = rowCells(row)
    const key = cells[0] ? parseRowKey(cellText(cells[0]).hidden) : null
    const target = cells[TARGET_COLUMN]
    if (!key || !target) {
      rowsWithoutKey++
      continue
    }
    rows.push({ ...key, target: cellText(target).visible })
  }
  return { documentId, rows, rowsWithoutKey }
}
