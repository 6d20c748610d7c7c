import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The repository root: the CLI resolves `server/cli/main.ts` and `DATA_DIR` defaults from it. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/**
 * `npm run -s cli -- ARGS` without npm and tsx's own launcher: node with tsx's loader runs the
 * same file in one process (npx and tsx's binary each add a process and most of a second).
 */
export const CLI_ARGV = ['--import', 'tsx', 'server/cli/main.ts'] as const

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

export interface CliOptions {
  /** Added to this process's environment. */
  env?: Record<string, string>
  input?: string
}

/** Runs the CLI and waits for it, blocking this process: for tests with no server of their own. */
export function runCliSync(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [...CLI_ARGV, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Runs the CLI without blocking: a server in this process goes on answering meanwhile. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGV, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}
