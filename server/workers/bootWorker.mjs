// A worker thread's first module, in plain JavaScript because nothing compiles TypeScript for
// a new thread: Node 20 applies neither tsx's `--import` loader (`npm start`) nor vitest's
// transform to workers. tsx's API loads the TypeScript side the same way in both.
import { workerData } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

const { serveJobs } = await tsImport(workerData.serve, import.meta.url)
const { jobs } = await tsImport(workerData.jobs, import.meta.url)
serveJobs(jobs)
