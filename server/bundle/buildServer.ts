// `npm run build`'s server half: the entry points bundled into server/dist, so that production
// runs plain JavaScript. Compiling TypeScript at run time (tsx's loader) cost ~77 MB of a
// server's idle memory, and each worker thread paid it again.
import { readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { isBuiltin } from 'node:module'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

const serverDir = fileURLToPath(new URL('..', import.meta.url))
export const DIST_DIR = fileURLToPath(new URL('../dist', import.meta.url))

/**
 * Named as `bundled.ts` expects them. The job threads' modules are the bundled twins of
 * `workers/bootWorker.mjs`: they serve their jobs as soon as they are loaded.
 */
export const ENTRY_POINTS: Record<string, string> = {
  main: 'main.ts',
  cluster: 'cluster/main.ts',
  cli: 'cli/main.ts',
  serverJobs: 'thread:./jobs.ts',
  snapshotJobs: 'thread:./snapshotJobs.ts',
  analysisJobs: 'thread:./analysisJobs.ts',
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

/** What the server may load at run time: its own dependencies and shared/'s. */
function runtimePackages(): Set<string> {
  const names = ['../package.json', '../../shared/package.json'].flatMap((file) => {
    const manifest = JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>
    }
    return Object.keys(manifest.dependencies ?? {})
  })
  return new Set(names)
}

/** `lib0/decoding` -> `lib0`, `@scope/name/x` -> `@scope/name`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/')
  return parts.slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
}

/**
 * Packages stay in node_modules (one copy of Yjs for the server and shared/, native
 * better-sqlite3 as installed); only our TypeScript, shared/ included, is bundled. A package
 * that is not a dependency (vitest through a test suite in an index, say) fails the build:
 * it would hold memory in every process, or be missing where devDependencies are not installed.
 */
const packagesExternal: Plugin = {
  name: 'packages-external',
  setup(esbuild) {
    const allowed = runtimePackages()
    esbuild.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@qalam/') || args.namespace === 'thread') return undefined
      if (isBuiltin(args.path)) return { path: args.path, external: true }
      const name = packageName(args.path)
      if (allowed.has(name)) return { path: args.path, external: true }
      return {
        errors: [{ text: `${name} is not a dependency of server/ or shared/ (${args.importer})` }],
      }
    })
  },
}

/**
 * The source of a built entry's path (`server/dist/main.mjs` -> `server/main.ts`); null for a
 * path the build does not write.
 */
export function sourceOfBundled(path: string): string | null {
  const name = /^server\/dist\/(\w+)\.mjs$/.exec(path)?.[1]
  const entry = name === undefined ? undefined : ENTRY_POINTS[name]
  return entry === undefined || entry.startsWith('thread:') ? null : `server/${entry}`
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
