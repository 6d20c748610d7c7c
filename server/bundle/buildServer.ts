// `npm run build`'s server half: the entry points bundled into server/dist, so that production
// runs plain JavaScript. Compiling TypeScript at run time (tsx's loader) cost ~77 MB of a
// server's idle memory, and each worker thread paid it again.
import { rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

const serverDir = fileURLToPath(new URL('..', import.meta.url))
export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url))

/**
 * Named as `bundled.ts` expects them. The job threads' modules are the bundled twins of
 * `workers/bootWorker.mjs`: they serve their jobs as soon as they are loaded.
 */
const ENTRY_POINTS = {
  main: 'main.ts',
  cluster: 'cluster/main.ts',
  cli: 'cli/main.ts',
  serverJobs: 'thread:./jobs.ts',
  snapshotJobs: 'thread:./snapshotJobs.ts',
  walCheckpointWorker: 'database/walCheckpointWorker.mjs',
}

/** `thread:./jobs.ts` is a module that serves that file's `jobs` on a worker thread. */
const jobThreads: Plugin = {
  name: 'job-threads',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^thread:/ }, (args) => ({
      path: args.path.slice('thread:'.length),
      namespace: 'thread',
    }))
    esbuild.onLoad({ filter: /.*/, namespace: 'thread' }, (args) => ({
      contents: [
        `import { serveJobs } from './serveJobs.ts'`,
        `import { jobs } from ${JSON.stringify(args.path)}`,
        'serveJobs(jobs)',
      ].join('\n'),
      resolveDir: `${serverDir}workers`,
      loader: 'ts',
    }))
  },
}

/**
 * Packages stay in node_modules (one copy of Yjs for the server and shared/, native
 * better-sqlite3 as installed); only our TypeScript, shared/ included, is bundled.
 */
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@qalam/') || args.namespace === 'thread'
        ? undefined
        : { path: args.path, external: true },
    )
  },
}

/** Writes the bundle afresh (a module removed from the sources leaves nothing behind). */
export async function buildServer(): Promise<void> {
  await rm(DIST_DIR, { recursive: true, force: true })
  await build({
    absWorkingDir: serverDir,
    entryPoints: ENTRY_POINTS,
    outdir: DIST_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // The CLI's commands and the server's lazy imports stay lazy: shared code goes in chunks.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Readable output instead of source maps: `--enable-source-maps` keeps every map in memory.
    minify: false,
    logLevel: 'warning',
    plugins: [jobThreads, packagesExternal],
  })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer()
