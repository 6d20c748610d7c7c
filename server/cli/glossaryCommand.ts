import { createReadStream, createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { CSV_BOM } from '@qalam/shared/csv'
import { GlossaryFileError, writeGlossaryCsv, writeTbx } from '@qalam/shared/formats'
import type { GlossaryEntry } from '@qalam/shared/glossary'
import { canonicalLanguage } from '@qalam/shared/text'
import { openDatabase } from '../database/index.ts'
import {
  GlossaryBytesError,
  readGlossaryBytes,
  type Glossary,
  type GlossaryReadProgress,
  type GlossaryStore,
  type StoredEntry,
} from '../glossary/index.ts'
import { stderrLogger } from '../logging/index.ts'
import { CliError } from './cliError.ts'
import { percentRead, progressLine } from './progressLine.ts'
import { inputFileSize } from './readInput.ts'
import { existingDatabaseFrom, maxUploadBytesFrom } from './environment.ts'

/*
 * `glossary import FILE --project P [--glossary G] [--format tbx|csv]`,
 * `glossary export --project P [--glossary G] [--format tbx2|tbx3|csv] [--output FILE]`,
 * `glossary list --project P`, `glossary stats --project P [--glossary G]`: the project's
 * glossaries in the database the server uses (DATABASE_URL or DATA_DIR), read with the same
 * streaming reader and limits as an upload. Without --glossary a command acts on the project's
 * only glossary (an import into a project without one creates it, named after the project).
 */

const USAGE =
  'usage: glossary import FILE --project P [--glossary G] [--format tbx|csv] | ' +
  'glossary export --project P [--glossary G] [--format tbx2|tbx3|csv] [--output FILE] | ' +
  'glossary list --project P | glossary stats --project P [--glossary G]'

type Write = (text: string) => void

interface Opened {
  glossaries: GlossaryStore
  projectId: string
  projectName: string
  close(): Promise<void>
}

async function openProject(env: NodeJS.ProcessEnv, projectId: string | undefined) {
  if (!projectId) throw new CliError('--project is required')
  const location = existingDatabaseFrom(env)
  const database = await openDatabase(location, { log: stderrLogger, migrate: true })
  const close = () => database.close()
  const project = await database.auth.getProject(projectId).catch(async (error: unknown) => {
    await close()
    throw error
  })
  if (!project) {
    await close()
    throw new CliError(`no project ${projectId}`)
  }
  return {
    glossaries: database.glossaries,
    projectId: project.id,
    projectName: project.name,
    close,
  } satisfies Opened
}

/** The glossary named by --glossary (id or name), else the project's only one. */
async function chooseGlossary(
  opened: Opened,
  wanted: string | undefined,
  createIfNone = false,
): Promise<Glossary> {
  const attached = await opened.glossaries.listForProject(opened.projectId)
  if (wanted !== undefined) {
    const found = attached.filter((item) => item.id === wanted || item.name === wanted)
    if (found.length === 1) return found[0]!
    throw new CliError(
      found.length === 0
        ? `project ${opened.projectId} uses no glossary ${wanted}`
        : `${found.length} glossaries are named ${wanted}; pass the id`,
    )
  }
  if (attached.length === 1) return attached[0]!
  if (attached.length === 0 && createIfNone)
    return opened.glossaries.create(opened.projectId, opened.projectName)
  throw new CliError(
    attached.length === 0
      ? `project ${opened.projectId} has no glossary`
      : `project ${opened.projectId} has ${attached.length} glossaries; pass --glossary`,
  )
}

function canonicalEntries(entries: GlossaryEntry[]): GlossaryEntry[] {
  return entries.map((entry) => ({
    ...entry,
    terms: entry.terms.map((term) => {
      const lang = canonicalLanguage(term.lang)
      if (!lang) throw new CliError(`unknown term language: ${term.lang}`)
      return { ...term, lang }
    }),
  }))
}

function formatOf(file: string, asked: string | undefined): 'tbx' | 'csv' {
  if (asked === 'tbx' || asked === 'csv') return asked
  if (asked !== undefined) throw new CliError(`unknown --format ${asked} (tbx or csv)`)
  return /^\.(csv|tsv|txt)$/i.test(extname(file)) ? 'csv' : 'tbx'
}

function describeProgress(progress: GlossaryReadProgress, totalBytes: number): string {
  const percent = percentRead(progress.bytesRead, totalBytes)
  return `${percent}%: read ${progress.entriesRead} entries`
}

async function importCommand(args: string[], write: Write, env: NodeJS.ProcessEnv) {
  const { values, positionals } = parseArgs({
    args,
    options: {
      project: { type: 'string' },
      glossary: { type: 'string' },
      format: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  })
  const [file] = positionals
  if (positionals.length !== 1 || !file) throw new CliError(USAGE)
  if (!values.project) throw new CliError('--project is required')
  const format = formatOf(file, values.format)
  const totalBytes = inputFileSize(file)
  // The same limit as an upload through the server.
  const maxBytes = maxUploadBytesFrom(env)
  // Read whole before the database is opened: a refused file changes nothing, not even by
  // creating a glossary for it.
  const progress = progressLine((read: GlossaryReadProgress) => describeProgress(read, totalBytes))
  let entries: GlossaryEntry[]
  try {
    entries = canonicalEntries(
      await readGlossaryBytes(createReadStream(file), format, maxBytes, progress.update),
    )
  } catch (error) {
    if (error instanceof GlossaryFileError || error instanceof GlossaryBytesError)
      throw new CliError(`${file}: ${error.message}`)
    throw error
  }
  progress.done({ bytesRead: totalBytes, entriesRead: entries.length })
  const opened = await openProject(env, values.project)
  try {
    const glossary = await chooseGlossary(opened, values.glossary, true)
    await opened.glossaries.addEntries(glossary.id, entries, 'cli')
    write(`imported ${entries.length} entries into "${glossary.name}" (${glossary.id})\n`)
  } finally {
    await opened.close()
  }
}

function withoutStorage({ id: _id, createdAt: _at, createdBy: _by, ...entry }: StoredEntry) {
  return entry
}

async function exportCommand(args: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args,
    options: {
      project: { type: 'string' },
      glossary: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string' },
    },
    strict: true,
  })
  const format = values.format ?? 'tbx3'
  if (!['tbx2', 'tbx3', 'csv'].includes(format))
    throw new CliError(`unknown --format ${format} (tbx2, tbx3 or csv)`)
  const opened = await openProject(env, values.project)
  try {
    const glossary = await chooseGlossary(opened, values.glossary)
    const entries = (await opened.glossaries.listEntries(glossary.id)).map(withoutStorage)
    const chunks =
      format === 'csv'
        ? [CSV_BOM, ...writeGlossaryCsv(entries)]
        : writeTbx(entries, {
            version: format === 'tbx2' ? 2 : 3,
            sourceLang: entries[0]?.terms[0]?.lang ?? 'en',
            title: glossary.name,
          })
    // Straight to the stream, waiting when it is full: a pipe read slowly must not make the
    // export pile up in memory.
    const out = values.output ? createWriteStream(values.output) : process.stdout
    for (const piece of chunks) {
      if (!out.write(piece)) await once(out, 'drain')
    }
    if (values.output) {
      out.end()
      await once(out, 'finish')
      process.stderr.write(
        `exported ${entries.length} entries of "${glossary.name}" to ${values.output}\n`,
      )
    }
  } finally {
    await opened.close()
  }
}

async function listCommand(args: string[], write: Write, env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({ args, options: { project: { type: 'string' } }, strict: true })
  const opened = await openProject(env, values.project)
  try {
    for (const glossary of await opened.glossaries.listForProject(opened.projectId)) {
      write(
        `${JSON.stringify({ id: glossary.id, name: glossary.name, entries: glossary.entryCount })}\n`,
      )
    }
  } finally {
    await opened.close()
  }
}

async function statsCommand(args: string[], write: Write, env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args,
    options: { project: { type: 'string' }, glossary: { type: 'string' } },
    strict: true,
  })
  const opened = await openProject(env, values.project)
  try {
    const glossary = await chooseGlossary(opened, values.glossary)
    const entries = await opened.glossaries.listEntries(glossary.id)
    const byLanguage: Record<string, number> = {}
    const byStatus = { preferred: 0, admitted: 0, forbidden: 0 }
    let terms = 0
    for (const entry of entries) {
      for (const term of entry.terms) {
        terms++
        byLanguage[term.lang] = (byLanguage[term.lang] ?? 0) + 1
        byStatus[term.status]++
      }
    }
    write(
      `${JSON.stringify({ id: glossary.id, name: glossary.name, entries: entries.length, terms, byLanguage, byStatus })}\n`,
    )
  } finally {
    await opened.close()
  }
}

/** `glossary import|export|list|stats`. */
export async function glossaryCommand(
  args: string[],
  write: Write,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const [subcommand, ...rest] = args
  if (subcommand === 'import') return importCommand(rest, write, env)
  if (subcommand === 'export') return exportCommand(rest, env)
  if (subcommand === 'list') return listCommand(rest, write, env)
  if (subcommand === 'stats') return statsCommand(rest, write, env)
  throw new CliError(USAGE)
}
