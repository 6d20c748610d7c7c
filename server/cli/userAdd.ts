import { mkdirSync } from 'node:fs'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { z } from 'zod'
import {
  UsernameTakenError,
  createSqliteAuthStore,
  hashPassword,
  newPassword,
  username,
} from '../auth/index.ts'
import { configFromEnv, databaseFile, defaultConfig } from '../config.ts'
import { CliError } from './cliError.ts'

/*
 * `user add NAME --password P [--admin]`: creates an account in the database the server
 * uses, so the first administrator exists before anyone can log in. It reads DATA_DIR the
 * way the server does (server/config.ts).
 */

/** The data directory the server would use with this environment (DATA_DIR or the default). */
export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  try {
    return configFromEnv(env).dataDir ?? defaultConfig.dataDir
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error
    throw new CliError(
      `invalid environment: ${error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    )
  }
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid'
}

async function addUser(
  args: string[],
  write: (text: string) => void,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { password: { type: 'string' }, admin: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length !== 1) throw new CliError('usage: user add NAME --password P [--admin]')
  const name = username.safeParse(positionals[0])
  if (!name.success) throw new CliError(`bad user name: ${firstIssue(name.error)}`)
  if (values.password === undefined) throw new CliError('--password is required')
  const password = newPassword.safeParse(values.password)
  if (!password.success) throw new CliError(`weak password: ${firstIssue(password.error)}`)

  const dataDir = dataDirFrom(env)
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(databaseFile(dataDir))
  try {
    db.pragma('journal_mode = WAL')
    const store = createSqliteAuthStore(db)
    const user = await store.createUser({
      username: name.data,
      passwordHash: await hashPassword(password.data),
      isAdmin: values.admin,
    })
    write(`created ${user.isAdmin ? 'administrator' : 'user'} ${user.username}\n`)
  } catch (error) {
    if (error instanceof UsernameTakenError) throw new CliError(error.message)
    throw error
  } finally {
    db.close()
  }
}

/** `user <subcommand>`; only `add` for now. */
export async function userCommand(
  args: string[],
  write: (text: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const [subcommand, ...rest] = args
  if (subcommand !== 'add') throw new CliError('usage: user add NAME --password P [--admin]')
  await addUser(rest, write, env)
}
