import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { TEST_PASSWORD_ENV } from './passwordCost.ts'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  /** Everything the process wrote, for failure messages. */
  output(): string
  /** SIGKILL to the whole process group (the server and any process it started). */
  kill9(): Promise<void>
  /** SIGTERM to the server, then wait for exit. */
  stop(): Promise<void>
}

/**
 * Runs `server/main.ts` with tsx's loader in one node process (without tsx's launcher
 * process), or with `built` the bundle `npm run build` wrote (as `npm start` and the deploy
 * files do), as its own process group, and waits for it to listen; `env` adds to the test's
 * environment (`PORT` defaults to 0, a free port).
 */
export function spawnServer(
  env: { DATA_DIR: string; PORT?: number } & Record<string, string | number>,
  { built = false }: { built?: boolean } = {},
): Promise<ServerProcess> {
  const extra = Object.fromEntries(
    Object.entries(env).map(([name, value]) => [name, String(value)]),
  )
  const argv = built ? ['server/dist/main.mjs'] : ['--import', 'tsx', 'server/main.ts']
  const child = spawn(process.execPath, argv, {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', ...TEST_PASSWORD_ENV, ...extra },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const isRunning = () => child.exitCode === null && child.signalCode === null
  const kill9 = async () => {
    if (isRunning()) process.kill(-child.pid!, 'SIGKILL')
    await exited
  }
  // Only to the server itself, which then shuts down gracefully.
  const stop = async () => {
    if (isRunning()) child.kill('SIGTERM')
    await exited
  }

  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (!match) return
      child.stdout!.off('data', onData)
      child.stdout!.on('data', (more: Buffer) => (output += more.toString()))
      const url = match[1]!
      resolve({
        url,
        port: Number(new URL(url).port),
        child,
        output: () => output,
        kill9,
        stop,
      })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code, signal) =>
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`)),
    )
  })
}
