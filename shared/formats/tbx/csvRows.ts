import { GlossaryFileError } from './types.ts'

const DELIMITERS = [',', ';', '\t'] as const

/**
 * Splits CSV fed in chunks into rows (RFC 4180: quoted fields with "" escapes and line breaks
 * inside quotes), with the delimiter guessed from the first line (comma, semicolon or tab, as
 * spreadsheets in Russian and Kazakh locales save semicolons). Calls `onRow` with each row and
 * the line it started on; a field past `maxField` characters is refused, not buffered.
 */
export class CsvRows {
  private delimiter: string | null = null
  private pending = ''
  private field = ''
  private row: string[] = []
  private quoted = false
  private afterQuote = false
  private line = 1
  private rowLine = 1
  private atStart = true

  constructor(
    private readonly onRow: (cells: string[], line: number) => void,
    private readonly maxField: number,
  ) {}

  write(chunk: string): void {
    if (this.delimiter === null) {
      this.pending += chunk
      const newline = this.pending.indexOf('\n')
      if (newline === -1 && this.pending.length < this.maxField) return
      this.delimiter = guessDelimiter(this.pending.slice(0, newline === -1 ? undefined : newline))
      chunk = this.pending
      this.pending = ''
    }
    this.consume(chunk)
  }

  close(): void {
    if (this.delimiter === null) {
      this.delimiter = guessDelimiter(this.pending)
      this.consume(this.pending)
      this.pending = ''
    }
    if (this.quoted)
      throw new GlossaryFileError(
        'glossary_file.invalid',
        'a quoted field is never closed',
        this.rowLine,
      )
    if (this.field !== '' || this.row.length > 0) this.endRow()
  }

  private consume(chunk: string): void {
    const delimiter = this.delimiter!
    for (let index = 0; index < chunk.length; index++) {
      let char = chunk[index]!
      if (this.atStart) {
        this.atStart = false
        if (char === '\ufeff') continue
      }
      if (this.quoted) {
        if (char === '"') {
          this.quoted = false
          this.afterQuote = true
        } else {
          if (char === '\n') this.line++
          this.append(char)
        }
        continue
      }
      if (char === '"') {
        if (this.afterQuote) {
          // "" inside a quoted field is one quote.
          this.append('"')
          this.quoted = true
          this.afterQuote = false
        } else if (this.field === '') {
          this.quoted = true
        } else {
          throw new GlossaryFileError(
            'glossary_file.invalid',
            'a quote inside an unquoted field',
            this.line,
          )
        }
        continue
      }
      this.afterQuote = false
      if (char === '\r') {
        if (chunk[index + 1] === '\n') continue
        char = '\n'
      }
      if (char === delimiter) {
        this.row.push(this.field)
        this.field = ''
      } else if (char === '\n') {
        this.endRow()
        this.line++
        this.rowLine = this.line
      } else {
        this.append(char)
      }
    }
  }

  private append(char: string): void {
    this.field += char
    if (this.field.length > this.maxField) {
      throw new GlossaryFileError(
        'glossary_file.too_large',
        `a field longer than ${this.maxField} characters`,
        this.rowLine,
      )
    }
  }

  private endRow(): void {
    this.row.push(this.field)
    this.field = ''
    const cells = this.row
    this.row = []
    if (cells.every((cell) => cell.trim() === '')) return
    this.onRow(cells, this.rowLine)
  }
}

function guessDelimiter(firstLine: string): string {
  let best: string = ','
  let bestCount = 0
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1
    if (count > bestCount) {
      best = delimiter
      bestCount = count
    }
  }
  return best
}
