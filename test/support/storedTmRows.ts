import Database from 'better-sqlite3'

/** Rows of translation units and of units staged by imports, read straight from the file. */
export function storedTmRows(file: string): { units: number; staged: number } {
  const db = new Database(file, { readonly: true })
  try {
    const count = (table: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
    return { units: count('tm_units'), staged: count('tm_import_units') }
  } finally {
    db.close()
  }
}
