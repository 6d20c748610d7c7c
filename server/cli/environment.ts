import { existsSync } from 'node:fs'
import { z } from 'zod'
import type { ScryptCost } from '../auth/index.ts'
import { configFromEnv, databaseLocation, defaultConfig, type ServerConfig } from '../config.ts'
import type { DatabaseLocation } from '../database/index.ts'
import { CliError } from './cliError.ts'

/** What the server would take from this environment; a bad variable is a CLI error naming it. */
function serverConfigFrom(env: NodeJS.ProcessEnv): Partial<ServerConfig> {
  try {
    return configFromEnv(env)
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error
    throw new CliError(
      `invalid environment: ${error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    )
  }
}

/** The database the server would use with this environment (DATABASE_URL, else DATA_DIR). */
export function databaseLocationFrom(env: NodeJS.ProcessEnv): DatabaseLocation {
  const config = serverConfigFrom(env)
  return databaseLocation({
    dataDir: config.dataDir ?? defaultConfig.dataDir,
    databaseUrl: config.databaseUrl ?? null,
  })
}

/**
 * `databaseLocationFrom(env)` for a command that works on an installation already made: an
 * SQLite file that is not there is an error, not a new empty database.
 */
export function existingDatabaseFrom(env: NodeJS.ProcessEnv): DatabaseLocation {
  const location = databaseLocationFrom(env)
  if (location.engine === 'sqlite' && !existsSync(location.file)) {
    throw new CliError(`no database at ${location.file} (set DATA_DIR or DATABASE_URL)`)
  }
  return location
}

/** The upload limit the server would apply (MAX_UPLOAD_BYTES), for files the CLI reads. */
export function maxUploadBytesFrom(env: NodeJS.ProcessEnv): number {
  return serverConfigFrom(env).maxUploadBytes ?? defaultConfig.maxUploadBytes
}

/** The scrypt cost the server would hash new passwords with (PASSWORD_SCRYPT_N). */
export function passwordCostFrom(env: NodeJS.ProcessEnv): ScryptCost {
  return serverConfigFrom(env).passwordCost ?? defaultConfig.passwordCost
}
