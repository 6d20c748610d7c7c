import { parseArgs } from 'node:util'
import type { z } from 'zod'
import { UsernameTakenError, hashPassword, newPassword, username } from '../auth/index.ts'
import { openDatabase } from '../database/index.ts'
import { stderrLogger } from '../logging/index.ts'
import { CliError } from './cliError.ts'
import { databaseLocationFrom, passwordCostFrom } from './environment.ts'

/*
 * `user add NAME --password P [--admin]`: creates an account in the database the server
 * uses, so the first administrator exists before anyone can log in. It reads DATABASE_URL
 * and DATA_DIR the way the server does (server/config.ts), and migrates a new database.
 */

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

  const cost = passwordCostFrom(env)
  const database = await openDatabase(databaseLocationFrom(env), {
    log: stderrLogger,
    migrate: true,
  })
  try {
    const user = await database.auth.createUser({
      username: name.data,
      passwordHash: await hashPassword(password.data, cost),
      isAdmin: values.admin,
    })
    write(`created ${user.isAdmin ? 'administrator' : 'user'} ${user.username}\n`)
  } catch (error) {
    if (error instanceof UsernameTakenError) throw new CliError(error.message)
    throw error
  } finally {
    await database.close()
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
