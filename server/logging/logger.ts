export type LogLevel = 'info' | 'warn' | 'error'

export type LogFields = Record<string, unknown>

/** One event per call, named like `sync.bad_message`; fields carry the details. */
export interface Logger {
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

function describeError(value: unknown): unknown {
  return value instanceof Error
    ? { name: value.name, message: value.message, stack: value.stack }
    : value
}

/** Writes one JSON line per event: machine-readable, and one line stays one line in any log view. */
export function createJsonLogger(write: (line: string) => void): Logger {
  const log = (level: LogLevel, event: string, fields: LogFields = {}) => {
    const entries = Object.entries(fields).map(([key, value]) => [key, describeError(value)])
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        event,
        ...Object.fromEntries(entries),
      }),
    )
  }
  return {
    info: (event, fields) => log('info', event, fields),
    warn: (event, fields) => log('warn', event, fields),
    error: (event, fields) => log('error', event, fields),
  }
}

export const stderrLogger: Logger = createJsonLogger((line) => process.stderr.write(line + '\n'))
