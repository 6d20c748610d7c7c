import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSqliteAuthStore } from '../../server/auth/index.ts'
import { databaseFile } from '../../server/config.ts'
import { runCliSync } from '../support/cliProcess.ts'
import { generateTmx } from '../support/generateTmx.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'

let dir: TempDir
let projectId = ''

const cli = (args: string[]) => runCliSync(['tm', ...args], { env: { DATA_DIR: dir.path } })

beforeAll(async () => {
  dir = await makeTempDir()
  const db = new Database(databaseFile(dir.path))
  projectId = (await createSqliteAuthStore(db).createProject('Кітапхана')).id
  db.close()
})
afterAll(() => dir.remove())

test('imports a TMX file with progress on stderr, then prints stats and exports it', () => {
  const file = join(dir.path, 'in.tmx')
  writeFileSync(file, [...generateTmx(1200)].join(''))
  const imported = cli(['import', file, '--project', projectId, '--source', 'ru', '--target', 'kk'])
  expect(imported).toMatchObject({ status: 0 })
  expect(imported.stdout).toBe(
    'imported 1200 units into "Кітапхана": 1200 added, 0 updated, 0 skipped\n',
  )
  expect(imported.stderr).toContain('100%: read 1200 units')

  const stats = cli(['stats', '--project', projectId])
  expect(JSON.parse(stats.stdout)).toMatchObject({
    name: 'Кітапхана',
    units: 1200,
    byLanguagePair: [{ sourceLang: 'ru', targetLang: 'kk', units: 1200 }],
  })

  const exported = cli(['export', '--project', projectId])
  expect(exported.status).toBe(0)
  expect(exported.stdout.match(/<tu /g)).toHaveLength(1200)
  expect(exported.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/)
})

test.each([
  [['import', 'x.tmx', '--source', 'ru', '--target', 'kk'], /^tm: --project is required\n$/],
  [
    ['import', 'x.tmx', '--project', 'P', '--source', 'ru', '--target', 'ru-RU'],
    /^tm: --source and --target are the same language\n$/,
  ],
  [['export', '--project', 'nope'], /^tm: no project nope\n$/],
  [['frobnicate'], /^tm: usage: tm import FILE/],
])('exits 2 with one line for bad input: %j', (args, message) => {
  const run = cli(args)
  expect(run.status).toBe(2)
  expect(run.stderr).toMatch(message)
})

test('a hostile file exits 2 naming its line and stores nothing', () => {
  const file = join(dir.path, 'evil.tmx')
  writeFileSync(
    file,
    '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<tmx/>',
  )
  const before = JSON.parse(cli(['stats', '--project', projectId]).stdout) as { units: number }
  const run = cli(['import', file, '--project', projectId, '--source', 'ru', '--target', 'kk'])
  expect(run.status).toBe(2)
  expect(run.stderr).toMatch(/^tm: .*evil\.tmx: line 2: DTDs are not accepted/)
  expect(run.stderr.trim().split('\n')).toHaveLength(1)
  expect(JSON.parse(cli(['stats', '--project', projectId]).stdout)).toMatchObject({
    units: before.units,
  })
})
