const TMX_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/

/** `20240131T093000Z` (TMX's ISO 8601 basic form, UTC) as milliseconds; undefined when malformed. */
export function parseTmxDate(value: string | undefined): number | undefined {
  const parts = value === undefined ? null : TMX_DATE.exec(value)
  if (!parts) return undefined
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  const back = new Date(ms)
  // Date.UTC rolls 20240231 over to March; a date that moved was not a date.
  return back.getUTCDate() === day && back.getUTCMonth() === month - 1 ? ms : undefined
}

/** Milliseconds as a TMX date: `20240131T093000Z`. */
export function formatTmxDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}
