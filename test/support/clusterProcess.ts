import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { TEST_PASSWORD_ENV } from './passwordCost.ts'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface ClusterProcess {
  /** The proxy's URL. */
  url: string
  child: ChildProcess
  /** The pid and URL each process last announced, by process name (`1`, `2`…). */
  processes: Map<string, { pid: number; url: string }>
  /** Everything the cluster wrote, for failure messages. */
  output(): string
  /** SIGTERM to the supervisor; resolves with its exit code. */
  stop(): Promise<number | null>
}

/**
 * Runs `server/cluster/main.ts`, or with `built` the bundle `npm run start:cluster` runs
 * (`server/dist/cluster.mjs`), with `env` added to this environment, and waits for it to listen.
 */
export function spawnCluster(
  env: Record<string, string | number>,
  args: string[] = [],
  { built = false }: { built?: boolean } = {},
): Promise<ClusterProcess> {
  const entry = built ? ['server/dist/cluster.mjs'] : ['--import', 'tsx', 'server/cluster/main.ts']
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      ...TEST_PASSWORD_ENV,
      ...Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const processes = new Map<string, { pid: number; url: string }>()
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      output += `${line}\n`
      const started = /^process (\S+) \(pid (\d+)\) is listening on (\S+)/.exec(line)
      if (started) processes.set(started[1]!, { pid: Number(started[2]), url: started[3]! })
      const listening = /^Qalam cluster is listening on (\S+)/.exec(line)
      if (!listening) return
      resolve({
        url: listening[1]!,
        child,
        processes,
        output: () => output,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
          return exited
        },
      })
    })
    child.once('exit', (code, signal) =>
      reject(new Error(`cluster exited (${code ?? signal}) before listening:\n${output}`)),
    )
  })
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
