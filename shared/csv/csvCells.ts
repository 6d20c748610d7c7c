/*
 * Every CSV the product writes goes through here. A spreadsheet runs a cell that starts with
 * = + - @ (or a tab or carriage return before one) as a formula, so a term or a segment typed
 * by anyone could run on the reader's machine (OWASP "CSV Injection"): such a cell is written
 * with a leading apostrophe, which spreadsheets show as text and do not display.
 *
 * To keep our own files round-trippable, a cell that already starts with apostrophes before
 * one of those characters gets one more, and `unguardCsvCell` takes exactly one off: the
 * mapping is a bijection, so a Kazakh suffix term "-лар" comes back as "-лар".
 */
const NEEDS_GUARD = /^'*[=+\-@\t\r]/
const GUARDED = /^'+[=+\-@\t\r]/

/** The value as a spreadsheet must read it: prefixed with ' when it could start a formula. */
export function guardCsvCell(value: string): string {
  return NEEDS_GUARD.test(value) ? `'${value}` : value
}

/** The value `guardCsvCell` was given, from what it wrote; other text is returned as is. */
export function unguardCsvCell(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value
}

/**
 * One CSV field: guarded against formulas, then quoted (RFC 4180) when it holds a delimiter
 * (comma, semicolon or tab), a quote or a line break.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const guarded = guardCsvCell(value)
  return /[",;\t\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

/** One CSV record: the fields joined by commas, ended by CRLF as RFC 4180 asks. */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells.map(csvField).join(',') + '\r\n'
}

/** The byte order mark spreadsheets need to read a UTF-8 CSV as UTF-8 (Kazakh, Arabic). */
export const CSV_BOM = '\ufeff'
