// `npm run -s cli -- <command> ...`: a small dispatcher; each command is one module that
// parses its own options and writes to stdout. Bad input exits 2 with one line on stderr.
import { CliError } from './cliError.ts'

type Command = (args: string[], write: (text: string) => void) => void | Promise<void>

// Loaded on demand: `segment` needs neither the stores nor the database drivers, and each
// command starts faster when it compiles only what it runs.
const COMMANDS: Record<string, () => Promise<Command>> = {
  segment: async () => (await import('./segmentCommand.ts')).segmentCommand,
  align: async () => (await import('./alignCommand.ts')).alignCommand,
  user: async () => (await import('./userAdd.ts')).userCommand,
  db: async () => (await import('./dbCommand.ts')).dbCommand,
  tm: async () => (await import('./tmCommand.ts')).tmCommand,
  glossary: async () => (await import('./glossaryCommand.ts')).glossaryCommand,
}

const usage = `usage: cli <${Object.keys(COMMANDS).join('|')}> [options]`

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  const load = name && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!load) {
    process.stderr.write((name ? `unknown command: ${name}. ` : '') + usage + '\n')
    return 2
  }
  try {
    const command = await load()
    await command(args, (text) => process.stdout.write(text))
    return 0
  } catch (error) {
    // parseArgs reports unknown or malformed options with a TypeError carrying this code.
    const isOptionError =
      error instanceof TypeError &&
      String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
    if (error instanceof CliError || isOptionError) {
      process.stderr.write(`${name}: ${(error as Error).message.split('\n')[0]}\n`)
      return 2
    }
    throw error
  }
}

process.exitCode = await main(process.argv.slice(2))
