import {
  TERM_STATUSES,
  type GlossaryEntry,
  type Term,
  type TermStatus,
} from '../../glossary/index.ts'
import { csvLine, unguardCsvCell } from '../../csv/index.ts'
import { CsvRows } from './csvRows.ts'
import { DEFAULT_GLOSSARY_LIMITS, GlossaryFileError, type GlossaryFileLimits } from './types.ts'

// The CSV layout: one row per entry. A column headed by a language tag (en, kk, kk-Latn, ar)
// holds a term; the columns "<tag> status", "<tag> part of speech" and "<tag> note" after it
// describe that term. A language may have several term columns (synonyms). The columns
// "definition", "note", "source" and "subject" describe the entry.
type Column =
  | { kind: 'term'; lang: string }
  | { kind: 'termField'; lang: string; field: 'status' | 'partOfSpeech' | 'note' }
  | { kind: 'entry'; field: 'definition' | 'note' | 'source' | 'subject' }

const ENTRY_FIELDS = ['definition', 'note', 'source', 'subject'] as const
const TERM_FIELDS: Record<string, 'status' | 'partOfSpeech' | 'note'> = {
  status: 'status',
  'part of speech': 'partOfSpeech',
  note: 'note',
}
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i

function readHeader(cells: string[], line: number): Column[] {
  const columns = cells.map((cell, index): Column => {
    const name = cell.trim()
    const lower = name.toLowerCase()
    const entryField = ENTRY_FIELDS.find((field) => field === lower)
    if (entryField) return { kind: 'entry', field: entryField }
    if (LANGUAGE_TAG.test(name)) return { kind: 'term', lang: name }
    const space = name.indexOf(' ')
    const lang = space === -1 ? '' : name.slice(0, space)
    const field = TERM_FIELDS[lower.slice(space + 1)]
    if (LANGUAGE_TAG.test(lang) && field) return { kind: 'termField', lang, field }
    throw new GlossaryFileError(
      'glossary_file.invalid',
      `column ${index + 1} is headed "${name}": expected a language tag (en, kk, ar), "<tag> status", "<tag> part of speech", "<tag> note", definition, note, source or subject`,
      line,
    )
  })
  if (!columns.some((column) => column.kind === 'term')) {
    throw new GlossaryFileError(
      'glossary_file.invalid',
      'no column is headed by a language tag',
      line,
    )
  }
  return columns
}

function readStatus(value: string, line: number): TermStatus {
  const lower = value.trim().toLowerCase()
  const status = TERM_STATUSES.find((known) => known === lower)
  if (!status) {
    throw new GlossaryFileError(
      'glossary_file.invalid',
      `unknown status "${value}" (preferred, admitted or forbidden)`,
      line,
    )
  }
  return status
}

/**
 * Reads a glossary CSV fed in chunks into entries (layout above). Throws `GlossaryFileError`
 * with the line at the first problem; rows with no term are refused, not skipped.
 */
export class CsvGlossaryReader {
  readonly entries: GlossaryEntry[] = []
  private columns: Column[] | null = null
  private readonly rows: CsvRows

  constructor(private readonly limits: GlossaryFileLimits = DEFAULT_GLOSSARY_LIMITS) {
    this.rows = new CsvRows((cells, line) => this.readRow(cells, line), limits.maxFieldLength)
  }

  write(chunk: string): void {
    this.rows.write(chunk)
  }

  close(): GlossaryEntry[] {
    this.rows.close()
    if (this.entries.length === 0)
      throw new GlossaryFileError('glossary_file.empty', 'the file holds no entries')
    return this.entries
  }

  private readRow(cells: string[], line: number): void {
    if (this.columns === null) {
      this.columns = readHeader(cells, line)
      return
    }
    if (cells.length > this.columns.length) {
      throw new GlossaryFileError(
        'glossary_file.invalid',
        `${cells.length} cells, but the header has ${this.columns.length} columns`,
        line,
      )
    }
    if (this.entries.length >= this.limits.maxEntries) {
      throw new GlossaryFileError(
        'glossary_file.too_large',
        `more than ${this.limits.maxEntries} entries`,
        line,
      )
    }
    const entry: GlossaryEntry = { terms: [] }
    let term: Term | null = null
    this.columns.forEach((column, index) => {
      // A cell we wrote with a formula guard reads back as the text it guarded.
      const value = unguardCsvCell((cells[index] ?? '').trim())
      if (column.kind === 'term') {
        term = value === '' ? null : { lang: column.lang, text: value, status: 'preferred' }
        if (term) entry.terms.push(term)
      } else if (column.kind === 'entry') {
        if (value !== '') entry[column.field] = value
      } else if (value !== '') {
        const current: Term | null = term
        if (!current || current.lang !== column.lang) {
          throw new GlossaryFileError(
            'glossary_file.invalid',
            `column "${column.lang} ${column.field}" has a value but no ${column.lang} term before it`,
            line,
          )
        }
        if (column.field === 'status') current.status = readStatus(value, line)
        else current[column.field] = value
      }
    })
    if (entry.terms.length === 0)
      throw new GlossaryFileError('glossary_file.invalid', 'a row without any term', line)
    if (entry.terms.length > this.limits.maxTermsPerEntry) {
      throw new GlossaryFileError(
        'glossary_file.too_large',
        `an entry with more than ${this.limits.maxTermsPerEntry} terms`,
        line,
      )
    }
    this.entries.push(entry)
  }
}

/** `CsvGlossaryReader` over a whole string. */
export function readGlossaryCsv(text: string, limits?: GlossaryFileLimits): GlossaryEntry[] {
  const reader = new CsvGlossaryReader(limits)
  reader.write(text)
  return reader.close()
}

/**
 * The entries as CSV (layout above), header first, one row per chunk. Each language gets as
 * many term columns as its most synonymous entry needs; `readGlossaryCsv` reads it back the same.
 */
export function* writeGlossaryCsv(entries: readonly GlossaryEntry[]): Generator<string> {
  const slots = new Map<string, number>()
  for (const entry of entries) {
    const counts = new Map<string, number>()
    for (const term of entry.terms) counts.set(term.lang, (counts.get(term.lang) ?? 0) + 1)
    for (const [lang, count] of counts) slots.set(lang, Math.max(slots.get(lang) ?? 0, count))
  }
  const header: string[] = []
  for (const [lang, count] of slots) {
    for (let slot = 0; slot < count; slot++) {
      header.push(lang, `${lang} status`, `${lang} part of speech`, `${lang} note`)
    }
  }
  header.push(...ENTRY_FIELDS)
  yield csvLine(header)
  for (const entry of entries) {
    const cells: string[] = []
    for (const [lang, count] of slots) {
      const terms = entry.terms.filter((term) => term.lang === lang)
      for (let slot = 0; slot < count; slot++) {
        const term = terms[slot]
        cells.push(term?.text ?? '', term?.status ?? '', term?.partOfSpeech ?? '', term?.note ?? '')
      }
    }
    for (const field of ENTRY_FIELDS) cells.push(entry[field] ?? '')
    yield csvLine(cells)
  }
}
