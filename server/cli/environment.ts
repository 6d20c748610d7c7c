import { z } from 'zod'
import { configFromEnv, databaseLocation, defaultConfig } from '../config.ts'
import type { DatabaseLocation } from '../database/index.ts'
import { CliError } from './cliError.ts'

/** The database the server would use with this environment (DATABASE_URL, else DATA_DIR). */
export function databaseLocationFrom(env: NodeJS.ProcessEnv): DatabaseLocation {
  try {
    const config = configFromEnv(env)
    return databaseLocation({
      dataDir: config.dataDir ?? defaultConfig.dataDir,
      databaseUrl: config.databaseUrl ?? null,
    })
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error
    throw new CliError(
      `invalid environment: ${error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
    )
  }
}

/** The upload limit the server would apply (MAX_UPLOAD_BYTES), for files the CLI reads. */
export function maxUploadBytesFrom(env: NodeJS.ProcessEnv): number {
  try {
    return configFromEnv(env).maxUploadBytes ?? defaultConfig.maxUploadBytes
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error
    throw new CliError('invalid environment: MAX_UPLOAD_BYTES')
  }
}
