import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import { mapLanguage, TmxError } from '@qalam/shared/formats'
import { canonicalLanguage } from '@qalam/shared/text'
import { openDatabase } from '../database/index.ts'
import { stderrLogger } from '../logging/index.ts'
import {
  exportTmx,
  importTmx,
  type ImportProgress,
  type Memory,
  type TranslationMemoryStore,
} from '../tm/index.ts'
import { CliError } from './cliError.ts'
import { percentRead, progressLine } from './progressLine.ts'
import { inputFileSize } from './readInput.ts'
import { existingDatabaseFrom } from './environment.ts'

/*
 * `tm import FILE --project P --source ru --target kk [--memory M]`,
 * `tm export --project P [--memory M] [--output FILE]`, `tm stats --project P [--memory M]`:
 * the project's memories in the database the server uses (DATABASE_URL or DATA_DIR, as the
 * server reads them).
 * Without --memory a command acts on the project's write memory. Progress goes to stderr.
 */

const USAGE =
  'usage: tm import FILE --project P --source LANG --target LANG [--memory M] | ' +
  'tm export --project P [--memory M] [--output FILE] | tm stats --project P [--memory M]'

type Write = (text: string) => void

interface Opened {
  tm: TranslationMemoryStore
  memory: Memory
  close(): Promise<void>
}

function language(value: string | undefined, option: string): string {
  if (value === undefined) throw new CliError(`--${option} is required`)
  const canonical = canonicalLanguage(value)
  if (!canonical) throw new CliError(`unknown language for --${option}: ${value}`)
  return canonical
}

async function openMemory(
  env: NodeJS.ProcessEnv,
  projectId: string | undefined,
  memoryId: string | undefined,
): Promise<Opened> {
  if (!projectId) throw new CliError('--project is required')
  const location = existingDatabaseFrom(env)
  const database = await openDatabase(location, { log: stderrLogger, migrate: true })
  const { tm } = database
  const close = () => database.close()
  try {
    const project = await database.auth.getProject(projectId)
    if (!project) throw new CliError(`no project ${projectId}`)
    let memory: Memory | undefined
    if (memoryId === undefined) memory = await tm.ensureWriteMemory(project.id, project.name)
    else if (await tm.modeOf(project.id, memoryId)) memory = await tm.getMemory(memoryId)
    if (!memory) throw new CliError(`project ${projectId} uses no memory ${memoryId}`)
    return { tm, memory, close }
  } catch (error) {
    await close()
    throw error
  }
}

function describeProgress(progress: ImportProgress, totalBytes: number): string {
  const skipped = Object.entries(progress.skipped).filter(([, count]) => count > 0)
  const skippedText = skipped.length
    ? `, skipped ${skipped.map(([reason, count]) => `${count} ${reason}`).join(', ')}`
    : ''
  const percent = percentRead(progress.bytesRead, totalBytes)
  return `${percent}%: read ${progress.unitsRead} units${skippedText}`
}

async function importCommand(args: string[], write: Write, env: NodeJS.ProcessEnv) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      project: { type: 'string' },
      memory: { type: 'string' },
      source: { type: 'string' },
      target: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  })
  const [file] = positionals
  if (positionals.length !== 1 || !file) throw new CliError(USAGE)
  if (!values.project) throw new CliError('--project is required')
  const sourceLang = language(values.source, 'source')
  const targetLang = language(values.target, 'target')
  if (mapLanguage(targetLang, [sourceLang]))
    throw new CliError('--source and --target are the same language')
  const totalBytes = inputFileSize(file)
  const { tm, memory, close } = await openMemory(env, values.project, values.memory)
  const progress = progressLine((read: ImportProgress) => describeProgress(read, totalBytes))
  try {
    const summary = await importTmx({
      store: tm,
      memoryId: memory.id,
      input: createReadStream(file),
      sourceLang,
      targetLang,
      fallbackAuthor: 'cli',
      onProgress: progress.update,
    })
    progress.done(summary)
    write(
      `imported ${summary.unitsRead} units into "${memory.name}": ` +
        `${summary.added} added, ${summary.updated} updated, ` +
        `${Object.values(summary.skipped).reduce((sum, count) => sum + count, 0)} skipped\n`,
    )
  } catch (error) {
    if (error instanceof TmxError) throw new CliError(`${file}: ${error.message}`)
    throw error
  } finally {
    await close()
  }
}

async function exportCommand(args: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: 'string' },
      memory: { type: 'string' },
      output: { type: 'string' },
    },
    strict: true,
  })
  const { tm, memory, close } = await openMemory(env, values.project, values.memory)
  try {
    // Straight to the stream, waiting when it is full: a pipe read slowly must not make the
    // export pile up in memory.
    const out = values.output ? createWriteStream(values.output) : process.stdout
    for await (const piece of exportTmx(tm, memory.id)) {
      if (!out.write(piece)) await once(out, 'drain')
    }
    if (values.output) {
      out.end()
      await once(out, 'finish')
      process.stderr.write(`exported "${memory.name}" to ${values.output}\n`)
    }
  } finally {
    await close()
  }
}

async function statsCommand(args: string[], write: Write, env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string' }, memory: { type: 'string' } },
    strict: true,
  })
  const { tm, memory, close } = await openMemory(env, values.project, values.memory)
  try {
    write(
      `${JSON.stringify({ id: memory.id, name: memory.name, ...(await tm.stats(memory.id)) })}\n`,
    )
  } finally {
    await close()
  }
}

/** `tm import|export|stats`. */
export async function tmCommand(
  args: string[],
  write: Write,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const [subcommand, ...rest] = args
  if (subcommand === 'import') return importCommand(rest, write, env)
  if (subcommand === 'export') return exportCommand(rest, env)
  if (subcommand === 'stats') return statsCommand(rest, write, env)
  throw new CliError(USAGE)
}
