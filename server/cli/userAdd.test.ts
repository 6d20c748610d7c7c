import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { authenticate, createSqliteAuthStore } from '../auth/index.ts'
import { databaseFile } from '../config.ts'
import { CliError } from './cliError.ts'
import { userCommand } from './userAdd.ts'

let dataDir: string

beforeEach(() => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'qalam-cli-')), 'data')
})

afterEach(() => {
  rmSync(join(dataDir, '..'), { recursive: true, force: true })
})

async function run(args: string[]): Promise<string> {
  let out = ''
  await userCommand(args, (text) => (out += text), { DATA_DIR: dataDir })
  return out
}

async function login(name: string, password: string) {
  const db = new Database(databaseFile(dataDir))
  try {
    return await authenticate(createSqliteAuthStore(db), name, password)
  } finally {
    db.close()
  }
}

describe('user add', () => {
  test('creates an administrator in DATA_DIR’s database who can then log in', async () => {
    expect(await run(['add', 'aigerim', '--password', 'ұзын құпия сөз', '--admin'])).toBe(
      'created administrator aigerim\n',
    )
    expect(await login('aigerim', 'ұзын құпия сөз')).toMatchObject({
      username: 'aigerim',
      isAdmin: true,
    })
    expect(await login('aigerim', 'wrong password')).toBeUndefined()
  })

  test('creates a plain user without --admin', async () => {
    expect(await run(['add', 'bolat', '--password', 'long enough'])).toBe('created user bolat\n')
    expect(await login('bolat', 'long enough')).toMatchObject({ isAdmin: false })
  })

  test.each([
    [['add', 'aigerim', '--password', 'short'], /weak password/],
    [['add', 'aigerim', '--password', ''], /weak password/],
    [['add', 'aigerim'], /--password is required/],
    [['add', 'two words', '--password', 'long enough'], /bad user name/],
    [['add', '--password', 'long enough'], /usage/],
    [['remove', 'aigerim'], /usage/],
  ])('refuses %j with a one-line message', async (args, message) => {
    const failure = run(args)
    await expect(failure).rejects.toBeInstanceOf(CliError)
    await expect(failure).rejects.toThrow(message)
  })

  test('refuses a name that exists in another letter case', async () => {
    await run(['add', 'aigerim', '--password', 'long enough'])
    await expect(run(['add', 'Aigerim', '--password', 'other password'])).rejects.toThrow(
      /already exists/,
    )
    expect(await login('aigerim', 'long enough')).toBeDefined()
  })
})

describe('npm run cli -- user add', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/main.ts', 'user', ...args], {
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    })

  test('exits 0 on success and non-zero with one line on stderr when the user exists', () => {
    const created = cli(['add', 'aigerim', '--password', 'long enough', '--admin'])
    expect(created.stderr).toBe('')
    expect(created).toMatchObject({ status: 0, stdout: 'created administrator aigerim\n' })
    const again = cli(['add', 'aigerim', '--password', 'long enough'])
    expect(again.status).not.toBe(0)
    expect(again.stderr).toBe('user: user aigerim already exists\n')
  })
})
