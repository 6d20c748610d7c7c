import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { load } from 'js-yaml'
import { describe, expect, test } from 'vitest'
import { z } from 'zod'
import { clusterConfigFromEnv } from '../../server/cluster/index.ts'
import { sourceOfBundled } from '../../server/bundle/buildServer.ts'
import { configFromEnv } from '../../server/config.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
const read = (path: string) => readFileSync(`${root}/${path}`, 'utf8')

type Unit = Map<string, Map<string, string[]>>

/**
 * A systemd unit file as systemd reads it: `[Section]` headers, `Key=Value` lines (a key may
 * repeat), `#`/`;` comments. Anything else is an error, as `systemd-analyze verify` says.
 */
function parseUnit(text: string): Unit {
  const unit: Unit = new Map()
  let section: Map<string, string[]> | null = null
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return
    const header = /^\[([A-Za-z]+)\]$/.exec(trimmed)
    if (header) {
      if (unit.has(header[1]!)) throw new Error(`line ${index + 1}: [${header[1]}] twice`)
      section = new Map()
      unit.set(header[1]!, section)
      return
    }
    const entry = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(trimmed)
    if (!entry || !section)
      throw new Error(`line ${index + 1}: not Key=Value in a section: ${line}`)
    section.set(entry[1]!, [...(section.get(entry[1]!) ?? []), entry[2]!])
  })
  return unit
}

function value(unit: Unit, section: string, key: string): string {
  const values = unit.get(section)?.get(key)
  if (!values || values.length !== 1) throw new Error(`[${section}] ${key} should be set once`)
  return values[0]!
}

/** `KEY=VALUE` lines (and comments) of an EnvironmentFile. */
function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line)
    if (!match) throw new Error(`not KEY=VALUE: ${line}`)
    env[match[1]!] = match[2]!
  }
  return env
}

/**
 * The source of the built script `node server/dist/NAME.mjs` runs: one `npm run build` writes,
 * from a file of the repository.
 */
function scriptOf(command: readonly string[]): string {
  expect(command[0]).toMatch(/(^|\/)node$/)
  expect(command).toHaveLength(2)
  const source = sourceOfBundled(command[1]!)
  expect(source, `${command[1]} is built by npm run build`).not.toBeNull()
  expect(existsSync(`${root}/${source}`), `${source} exists`).toBe(true)
  return source!
}

const KNOWN_KEYS: Record<string, string[]> = {
  Unit: ['Description', 'After', 'Wants', 'Requires', 'PartOf', 'BindsTo'],
  Service: [
    'Type',
    'User',
    'Group',
    'WorkingDirectory',
    'EnvironmentFile',
    'Environment',
    'ExecStart',
    'KillSignal',
    'TimeoutStopSec',
    'Restart',
    'RestartSec',
    'NoNewPrivileges',
    'PrivateTmp',
    'ProtectSystem',
    'ProtectHome',
    'ReadWritePaths',
  ],
  Install: ['WantedBy'],
}

function expectKnownKeys(unit: Unit): void {
  for (const [section, entries] of unit) {
    expect(Object.keys(KNOWN_KEYS)).toContain(section)
    for (const key of entries.keys()) expect(KNOWN_KEYS[section]).toContain(key)
  }
}

describe('systemd units', () => {
  const server = parseUnit(read('deploy/systemd/qalam@.service'))
  const proxy = parseUnit(read('deploy/systemd/qalam-proxy.service'))
  const target = parseUnit(read('deploy/systemd/qalam.target'))
  const serverEnv = parseEnvFile(read('deploy/systemd/qalam.env.example'))
  const proxyEnv = parseEnvFile(read('deploy/systemd/proxy.env.example'))

  test('use only sections and keys systemd knows, each server on the port its instance names', () => {
    for (const unit of [server, proxy, target]) expectKnownKeys(unit)
    expect(server.get('Service')!.get('Environment')).toContain('PORT=%i')
    expect(value(server, 'Service', 'Restart')).toBe('always')
    expect(value(server, 'Install', 'WantedBy')).toBe('qalam.target')
    expect(value(proxy, 'Install', 'WantedBy')).toBe('qalam.target')
  })

  test('start the server and the proxy from files of the repository', () => {
    expect(scriptOf(value(server, 'Service', 'ExecStart').split(' '))).toBe('server/main.ts')
    expect(scriptOf(value(proxy, 'Service', 'ExecStart').split(' '))).toBe('server/cluster/main.ts')
  })

  test('the target wants one server per backend the proxy routes to, and the proxy', () => {
    const wanted = value(target, 'Unit', 'Wants').split(/\s+/)
    expect(wanted).toContain('qalam-proxy.service')
    const ports = wanted.flatMap((name) => /^qalam@(\d+)\.service$/.exec(name)?.[1] ?? [])
    expect(ports.length).toBeGreaterThanOrEqual(2)
    const config = clusterConfigFromEnv(proxyEnv, [])
    expect(config.mode.kind).toBe('proxy')
    const backends = config.mode.kind === 'proxy' ? config.mode.backends : []
    expect(backends.map((url) => url.port)).toEqual(ports)
  })

  test('the example environments are ones the server and the proxy accept', () => {
    const environment = Object.fromEntries(
      server
        .get('Service')!
        .get('Environment')!
        .map((line) => line.replace('%i', '8081').split('=')),
    )
    const config = configFromEnv({ ...serverEnv, ...environment })
    expect(config.databaseUrl).toMatch(/^postgres:/)
    expect(config.trustProxy).toEqual(['loopback'])
    expect(serverEnv.REDIS_URL).toMatch(/^redis:\/\//)
  })
})

const service = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string() }).optional(),
  command: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  ports: z.array(z.string()).optional(),
  depends_on: z
    .union([z.array(z.string()), z.record(z.string(), z.object({ condition: z.string() }))])
    .optional(),
  healthcheck: z
    .object({ test: z.array(z.string()) })
    .passthrough()
    .optional(),
  restart: z.string().optional(),
  volumes: z.array(z.string()).optional(),
  stop_grace_period: z.string().optional(),
})
const compose = z
  .object({
    name: z.string(),
    services: z.record(z.string(), service.strict()),
    volumes: z.record(z.string(), z.null()).optional(),
  })
  .passthrough()

/** Compose's `${VAR:?message}` with a value, as `docker compose` substitutes it. */
const substitute = (text: string) => text.replace(/\$\{POSTGRES_PASSWORD:\?[^}]*\}/g, 'secret')

describe('compose.yaml', () => {
  const file = compose.parse(load(read('deploy/compose.yaml')))
  const { services } = file
  const apps = Object.keys(services).filter((name) => /^app\d+$/.test(name))

  test('runs app processes, the proxy, PostgreSQL and Redis', () => {
    expect(apps.length).toBeGreaterThanOrEqual(2)
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['proxy', 'postgres', 'redis']))
    const dockerfile = services[apps[0]!]!.build!.dockerfile
    expect(existsSync(`${root}/${dockerfile}`)).toBe(true)
    const cmd = /^CMD (\[.*\])$/m.exec(read(dockerfile))?.[1]
    expect(scriptOf(z.array(z.string()).parse(JSON.parse(cmd ?? 'null')))).toBe('server/main.ts')
  })

  test('points every app at the compose PostgreSQL and Redis, once both are healthy', () => {
    for (const name of apps) {
      const app = services[name]!
      const env = Object.fromEntries(
        Object.entries(app.environment!).map(([key, text]) => [key, substitute(text)]),
      )
      const config = configFromEnv(env)
      expect(new URL(config.databaseUrl!).hostname).toBe('postgres')
      expect(new URL(env.REDIS_URL!).hostname).toBe('redis')
      expect(app.depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      })
      expect(app.healthcheck!.test.join(' ')).toContain('/healthz')
    }
  })

  test('the proxy routes to every app on the port it listens on, and publishes its own', () => {
    const proxy = services.proxy!
    scriptOf(proxy.command!)
    const config = clusterConfigFromEnv(proxy.environment!, [])
    const backends = config.mode.kind === 'proxy' ? config.mode.backends : []
    expect(backends.map((url) => url.hostname).sort()).toEqual([...apps].sort())
    for (const url of backends) {
      const app = services[url.hostname]!
      expect(url.port).toBe(app.environment!.PORT)
    }
    expect(proxy.ports).toEqual([`${config.port}:${config.port}`])
  })
})
