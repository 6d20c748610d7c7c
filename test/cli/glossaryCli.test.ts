import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readGlossaryCsv } from '@qalam/shared/formats'
import { createSqliteAuthStore } from '../../server/auth/index.ts'
import { databaseFile } from '../../server/config.ts'
import { runCliSync } from '../support/cliProcess.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'

/*
 * `glossary import|export|list|stats` as a real process over a real SQLite file: progress on
 * stderr, results on stdout, exit 2 with one line for bad input, and a refused file stores
 * nothing.
 */

/** Each call starts a process that compiles the CLI: seconds each on a shared machine. */
const CALLS_TIMEOUT_MS = 300_000
let dir: TempDir
let projectId = ''

const cli = (args: string[], env: Record<string, string> = {}) =>
  runCliSync(['glossary', ...args], { env: { DATA_DIR: dir.path, DATABASE_URL: '', ...env } })

const CSV = [
  'ru;kk;kk status;ar;definition',
  'рукопись;қолжазба;preferred;مخطوطة;Написанный от руки текст',
  'библиотека;кітапхана;admitted;مكتبة;',
  'суффикс;-лар;forbidden;;=1+1',
].join('\r\n')

beforeAll(async () => {
  dir = await makeTempDir()
  const db = new Database(databaseFile(dir.path))
  projectId = (await createSqliteAuthStore(db).createProject('Кітапхана')).id
  db.close()
})
afterAll(() => dir.remove())

describe('glossary CLI', () => {
  test(
    'imports a CSV into a new glossary with progress, then lists, counts and exports it',
    () => {
      const file = join(dir.path, 'terms.csv')
      writeFileSync(file, CSV)
      const imported = cli(['import', file, '--project', projectId])
      expect(imported.stderr).toContain('100%: read 3 entries')
      expect(imported).toMatchObject({ status: 0 })
      expect(imported.stdout).toMatch(/^imported 3 entries into "Кітапхана" \(.+\)\n$/)

      const list = cli(['list', '--project', projectId])
      expect(list.status).toBe(0)
      expect(JSON.parse(list.stdout)).toMatchObject({ name: 'Кітапхана', entries: 3 })

      const stats = cli(['stats', '--project', projectId])
      expect(JSON.parse(stats.stdout)).toMatchObject({
        entries: 3,
        terms: 8,
        byLanguage: { ru: 3, kk: 3, ar: 2 },
        byStatus: { preferred: 6, admitted: 1, forbidden: 1 },
      })

      const csv = cli(['export', '--project', projectId, '--format', 'csv'])
      expect(csv.status).toBe(0)
      // Guarded against formulas, and read back the same.
      expect(csv.stdout).toContain(",'-лар,forbidden,")
      expect(csv.stdout).toContain(",'=1+1")
      expect(readGlossaryCsv(csv.stdout)).toHaveLength(3)
      expect(readGlossaryCsv(csv.stdout)[2]?.definition).toBe('=1+1')

      const output = join(dir.path, 'out.tbx')
      const tbx = cli(['export', '--project', projectId, '--output', output])
      expect(tbx).toMatchObject({ status: 0, stdout: '' })
      expect(tbx.stderr).toBe(`exported 3 entries of "Кітапхана" to ${output}\n`)
      const written = readFileSync(output, 'utf8')
      expect(written).toContain('қолжазба')
      // What was exported imports again (into the same glossary: 3 more entries).
      expect(cli(['import', output, '--project', projectId]).status).toBe(0)
      expect(JSON.parse(cli(['stats', '--project', projectId]).stdout).entries).toBe(6)
    },
    CALLS_TIMEOUT_MS,
  )

  test.each([
    [['import', 'x.csv'], /^glossary: --project is required\n$/],
    [['import', '--project', 'P'], /^glossary: usage: glossary import FILE/],
    [['import', 'missing.csv', '--project', 'P'], /^glossary: no file missing\.csv\n$/],
    [['import', 'x.csv', '--project', 'P', '--format', 'xls'], /^glossary: unknown --format xls/],
    [['export', '--project', 'nope'], /^glossary: no project nope\n$/],
    [['export', '--project', 'P', '--format', 'pdf'], /^glossary: unknown --format pdf/],
    [['stats', '--bogus'], /^glossary: Unknown option '--bogus'/],
    [['frobnicate'], /^glossary: usage: glossary import FILE/],
  ])(
    'exits 2 with one line for %j',
    (args, message) => {
      const result = cli(args.map((arg) => (arg === 'P' ? projectId : arg)))
      expect(result.status).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stderr.trim().split('\n')).toHaveLength(1)
    },
    CALLS_TIMEOUT_MS,
  )

  test(
    'refuses a malformed CSV, a zip and a file over the limit with the reason, storing nothing',
    () => {
      const bad = join(dir.path, 'bad.csv')
      writeFileSync(bad, 'ru,colour\nкітап,red\n')
      const refused = cli(['import', bad, '--project', projectId])
      expect(refused.status).toBe(2)
      expect(refused.stderr).toBe(
        `glossary: ${bad}: line 1: column 2 is headed "colour": expected a language tag (en, kk, ar), "<tag> status", "<tag> part of speech", "<tag> note", definition, note, source or subject\n`,
      )
      const zip = join(dir.path, 'terms.tbx')
      writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))
      expect(cli(['import', zip, '--project', projectId]).stderr).toMatch(/is compressed/)
      const large = join(dir.path, 'large.csv')
      writeFileSync(large, CSV)
      const tooLarge = cli(['import', large, '--project', projectId], { MAX_UPLOAD_BYTES: '50' })
      expect(tooLarge.status).toBe(2)
      expect(tooLarge.stderr).toMatch(/limited to 50 bytes/)
      expect(JSON.parse(cli(['stats', '--project', projectId]).stdout).entries).toBe(6)
    },
    CALLS_TIMEOUT_MS,
  )
})
