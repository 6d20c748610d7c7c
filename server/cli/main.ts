// `npm run -s cli -- <command> ...`: a small dispatcher; each command is one module that
// parses its own options and writes to stdout. Bad input exits 2 with one line on stderr.
import { alignCommand } from './alignCommand.ts'
import { CliError } from './cliError.ts'
import { dbCommand } from './dbCommand.ts'
import { glossaryCommand } from './glossaryCommand.ts'
import { segmentCommand } from './segmentCommand.ts'
import { tmCommand } from './tmCommand.ts'
import { userCommand } from './userAdd.ts'

type Command = (args: string[], write: (text: string) => void) => void | Promise<void>

const COMMANDS: Record<string, Command> = {
  segment: segmentCommand,
  align: alignCommand,
  user: userCommand,
  db: dbCommand,
  tm: tmCommand,
  glossary: glossaryCommand,
}

const usage = `usage: cli <${Object.keys(COMMANDS).join('|')}> [options]`

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    process.stderr.write((name ? `unknown command: ${name}. ` : '') + usage + '\n')
    return 2
  }
  try {
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
