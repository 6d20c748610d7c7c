import { bundledModule, isBundled } from '../bundle/index.ts'
export { WorkerPool, type Slot, type SlotState, type WorkerPoolOptions } from './WorkerPool.ts'
export { JobError, PoolBusyError, type JobFailure } from './JobError.ts'
export { ownBuffer, type JobMap, type JobOutput } from './jobProtocol.ts'
export type { BuiltImport, Preview, ServerJobs } from './jobs.ts'
export type { SnapshotJobs } from './snapshotJobs.ts'
export type { AnalysisJobs, AnalyzeInput } from './analysisJobs.ts'

/** The module the server's pool runs: imports, previews and alignments. */
export const SERVER_JOBS = isBundled
  ? bundledModule('serverJobs')
  : new URL('./jobs.ts', import.meta.url)

/** The module of the compactions' own pool: Yjs and the store's replay, nothing else. */
export const SNAPSHOT_JOBS = isBundled
  ? bundledModule('snapshotJobs')
  : new URL('./snapshotJobs.ts', import.meta.url)

/** The module of the analyses' own pool: the translation memory and the match lookup. */
export const ANALYSIS_JOBS = isBundled
  ? bundledModule('analysisJobs')
  : new URL('./analysisJobs.ts', import.meta.url)
