// A document analysis's lookups, in a pool of its own (see DocumentAnalyses): the pass of many
// lookups and the garbage it makes stall this thread, never the event loop. The memory's
// indexes live in the main thread for the editor, so each worker opens the translation memory
// itself and keeps its own indexes between jobs (caught up with writes by the store's
// revisions, as for a CLI import beside the server): only the document's sources come in.
import { analyzeSources, type DocumentSources } from '../analysis/index.ts'
import { openTranslationMemory, type DatabaseLocation } from '../database/index.ts'
import { MatchLookup, type TranslationMemoryStore } from '../tm/index.ts'
import type { AnalysisReport } from '@qalam/shared/analysis'
import type { JobOutput } from './jobProtocol.ts'

export interface AnalyzeInput {
  database: DatabaseLocation
  document: DocumentSources
  memoryIds: string[]
  /** One Int32 the main thread sets to 1 once nobody waits for the report any more. */
  cancel: SharedArrayBuffer
}

/** The worker's memory and indexes: one database per server, so one entry. */
let opened: { key: string; tm: TranslationMemoryStore; lookup: MatchLookup } | null = null

function lookupIn(database: DatabaseLocation): MatchLookup {
  const key = JSON.stringify(database)
  if (opened?.key === key) return opened.lookup
  if (opened) {
    opened.lookup.close()
    void opened.tm.close()
  }
  const tm = openTranslationMemory(database, (error) => {
    // The pool replaces the connection; the lookup that needed it fails its job.
    console.warn('analysis worker: database connection lost', error)
  })
  opened = { key, tm, lookup: new MatchLookup(tm) }
  return opened.lookup
}

/** Thrown between two segments once the analysis was cancelled. */
class AnalysisCancelled extends Error {
  override name = 'AnalysisCancelled'
}

async function analyze(input: AnalyzeInput): Promise<JobOutput<AnalysisReport>> {
  const flag = new Int32Array(input.cancel)
  const signal = {
    throwIfAborted() {
      if (Atomics.load(flag, 0) !== 0) throw new AnalysisCancelled('Nobody waits for it.')
    },
  }
  const report = await analyzeSources({
    document: input.document,
    memoryIds: input.memoryIds,
    lookup: lookupIn(input.database),
    signal,
  })
  return { result: report }
}

export const jobs = { analyze }

export type AnalysisJobs = typeof jobs
