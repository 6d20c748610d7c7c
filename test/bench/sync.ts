// npm run bench -- sync: our server (sessions, validation, store before broadcast) beside
// y-websocket 1.5.4's reference server (in memory, no checks), in child processes of their
// own, under the same load of translators typing into imported documents; then a cluster of
// three processes on PostgreSQL and Redis when DATABASE_URL and REDIS_URL are set; and, for
// each setup, the highest edit rate 50 clients on one document sustain before p99 passes
// 250 ms. SYNC_BENCH_SECONDS shortens each scenario (default 20). Our servers run as `npm start`
// and `npm run start:cluster` run them, from the bundle `npm run build` writes.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { BackendRouter, type Backend } from '../../server/cluster/index.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'
import type { Session } from '../support/accounts.ts'
import { generateDocument } from '../support/generateDocument.ts'
import { EditLoad, percentile, readDocumentState } from './sync/editLoad.ts'
import {
  meter,
  rssMb,
  startClusterServer,
  startOurServer,
  startReferenceServer,
  type ServerUnderTest,
} from './sync/servers.ts'

// Each y-websocket provider in Node adds an exit listener; hundreds of clients are intended.
process.setMaxListeners(0)

const SECONDS = Number(process.env.SYNC_BENCH_SECONDS ?? 20)
/**
 * Unmeasured typing before each scenario's measured stretch, at its rate: the server and the
 * providers in this process reach steady state (compiled code) first. Without it, the first
 * setup measured paid this process's warm-up in its tail and the next one did not.
 */
const WARM_UP_SECONDS = Math.min(3, SECONDS)
const RAMP_SECONDS = Math.max(3, Math.round(SECONDS / 4))
const RAMP_RATES = [25, 50, 100, 200, 400, 800, 1600, 3200, 6400]
const P99_LIMIT_MS = 250

interface Scenario {
  name: string
  documents: number
  segments: number
  clientsPerDocument: number
  perClientRate: number
}

const SCENARIOS: Scenario[] = [
  {
    name: '10 clients, 1 document, 5 edits/s each',
    documents: 1,
    segments: 200,
    clientsPerDocument: 10,
    perClientRate: 5,
  },
  {
    name: '50 clients, 1 document of 2,000 segments, 2 edits/s each',
    documents: 1,
    segments: 2000,
    clientsPerDocument: 50,
    perClientRate: 2,
  },
  {
    name: '200 clients, 20 documents, 1 edit/s each',
    documents: 20,
    segments: 200,
    clientsPerDocument: 10,
    perClientRate: 1,
  },
]

/** Documents imported into a setup, and whom its clients connect as. */
interface Setup {
  server: ServerUnderTest
  session: Session | null
  /** Imports a generated document of `segments` and returns its id. */
  newDocument(segments: number): Promise<string>
}

const texts = new Map<number, string>()
const textOf = (segments: number) =>
  texts.get(segments) ?? texts.set(segments, generateDocument(segments)).get(segments)!

async function ourSetup(server: ServerUnderTest): Promise<Setup> {
  const workspace: Workspace = await createWorkspace({
    url: server.url,
    databaseFile: server.databaseFile,
    databaseUrl: server.databaseUrl,
  })
  const session = await workspace.member('translator')
  return {
    server,
    session,
    async newDocument(segments) {
      const { id } = await workspace.importDocument({ bytes: textOf(segments), targetLang: 'kk' })
      return id
    },
  }
}

/** The reference gets the very document our server imported, as one update. */
function referenceSetup(
  reference: Awaited<ReturnType<typeof startReferenceServer>>,
  source: Setup,
): Setup {
  return {
    server: reference,
    session: null,
    async newDocument(segments) {
      const id = await source.newDocument(segments)
      await reference.seed(id, await readDocumentState(source.server.url, id, source.session))
      return id
    },
  }
}

interface Measured {
  edits: number
  propagationMs: { p50: number; p95: number; p99: number }
  lost: number
  /** Null where the peers were sockets, which hold only their own edits. */
  converged: boolean | null
  refusedConnections: number
  cpuSeconds: number
  peakRssMb: number
}

/**
 * How a measured stretch is driven: the scenarios by y-websocket providers, as translators'
 * browsers; the ramps by socket peers, which send the same edits but do not apply what they
 * receive, so that the rates they reach are the server's, not this process's (see socketPeer.ts).
 */
interface Drive {
  peers: 'providers' | 'sockets'
  warmUpSeconds: number
}

async function connectLoad(
  setup: Setup,
  documentIds: string[],
  clientsPerDocument: number,
  segments: number,
  peers: Drive['peers'],
): Promise<EditLoad> {
  return EditLoad.connect({
    serverUrl: setup.server.url,
    session: setup.session,
    documents: documentIds.map((id) => ({ id, clients: clientsPerDocument, segments })),
    peers,
  })
}

/** One measured stretch of an already connected load, after `warmUpSeconds` unmeasured. */
async function measureLoad(
  setup: Setup,
  load: EditLoad,
  perClientRate: number,
  seconds: number,
  warmUpSeconds = 0,
): Promise<Measured> {
  if (warmUpSeconds > 0) await load.run(perClientRate, warmUpSeconds)
  load.reset()
  const stop = meter(setup.server)
  await load.run(perClientRate, seconds)
  const cost = stop()
  const { latencies } = load.propagation
  return {
    edits: load.propagation.sent,
    propagationMs: {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
    },
    lost: load.propagation.lost,
    converged: load.converged(),
    refusedConnections: load.closeCodes.filter((code) => code >= 4000).length,
    ...cost,
  }
}

async function measure(
  setup: Setup,
  documentIds: string[],
  clientsPerDocument: number,
  segments: number,
  perClientRate: number,
  seconds: number,
  drive: Drive,
): Promise<Measured> {
  const load = await connectLoad(setup, documentIds, clientsPerDocument, segments, drive.peers)
  try {
    return await measureLoad(setup, load, perClientRate, seconds, drive.warmUpSeconds)
  } finally {
    load.close()
  }
}

/** Each figure as soon as it is measured, on stderr: a long run cut short still says something. */
function progress(label: string, figures: unknown): void {
  process.stderr.write(`${JSON.stringify({ [label]: figures })}\n`)
}

async function runScenario(setup: Setup, scenario: Scenario): Promise<Measured> {
  const ids: string[] = []
  for (let i = 0; i < scenario.documents; i++) ids.push(await setup.newDocument(scenario.segments))
  return measure(
    setup,
    ids,
    scenario.clientsPerDocument,
    scenario.segments,
    scenario.perClientRate,
    SECONDS,
    { peers: 'providers', warmUpSeconds: WARM_UP_SECONDS },
  )
}

/**
 * After the doubling steps' first failure, this many halvings of the gap between the last rate
 * sustained and the first that failed: a doubling step alone leaves a factor of two unknown.
 */
const RAMP_REFINEMENTS = 2

/**
 * Raises the total edit rate step by step until p99 passes the limit or an edit is lost (in
 * two stretches at that rate), then narrows the gap between the last rate sustained and the
 * first that failed.
 */
async function ramp(
  setup: Setup,
  documentIds: string[],
  clientsPerDocument: number,
  segments: number,
) {
  const clients = documentIds.length * clientsPerDocument
  // editsPerSecond is the rate asked for; sentPerSecond what the peers managed to send.
  const steps: Array<{ editsPerSecond: number; sentPerSecond: number; p99: number; lost: number }> =
    []
  const passed: number[] = []
  const runStep = async (rate: number) => {
    const result = await measure(
      setup,
      documentIds,
      clientsPerDocument,
      segments,
      rate / clients,
      RAMP_SECONDS,
      { peers: 'sockets', warmUpSeconds: 0 },
    )
    steps.push({
      editsPerSecond: rate,
      sentPerSecond: Math.round(result.edits / RAMP_SECONDS),
      p99: result.propagationMs.p99,
      lost: result.lost,
    })
    progress(`ramp ${setup.server.label}`, steps.at(-1))
    const holding = result.propagationMs.p99 <= P99_LIMIT_MS && result.lost === 0
    if (holding) passed.push(steps.at(-1)!.sentPerSecond)
    return holding
  }
  // A rate fails only when a second stretch at it fails too: one stall (a disk flush that
  // held a commit, a collection in this process) can put a short stretch's p99 past the
  // limit at a rate well below what the server sustains.
  const holds = async (rate: number) => (await runStep(rate)) || (await runStep(rate))
  let sustained = 0
  let failed: number | null = null
  for (const rate of RAMP_RATES) {
    if (!(await holds(rate))) {
      failed = rate
      break
    }
    sustained = rate
  }
  for (let i = 0; i < RAMP_REFINEMENTS && failed !== null && sustained > 0; i++) {
    const middle = Math.round((sustained + failed) / 2)
    if (await holds(middle)) sustained = middle
    else failed = middle
  }
  return {
    /** The highest rate the peers sent in a stretch that held: what the setup sustained. */
    sustainedEditsPerSecond: Math.max(0, ...passed),
    askedEditsPerSecond: { sustained, firstFailed: failed },
    /**
     * Never failed: the peers could not send enough to find the setup's limit (this process,
     * on the cores the servers share), so the sustained rate is only a lower bound.
     */
    limitNotReached: failed === null,
    steps,
  }
}

const ratio = (ours: number, reference: number) => Math.round((ours / reference) * 100) / 100

function compare(ours: Measured, reference: Measured) {
  return {
    p50: ratio(ours.propagationMs.p50, reference.propagationMs.p50),
    p95: ratio(ours.propagationMs.p95, reference.propagationMs.p95),
    p99: ratio(ours.propagationMs.p99, reference.propagationMs.p99),
    cpuSeconds: ratio(ours.cpuSeconds, reference.cpuSeconds),
    peakRssMb: ratio(ours.peakRssMb, reference.peakRssMb),
  }
}

/** Until three documents sit on three different processes of the cluster (by the router's hash). */
async function documentsOnDistinctProcesses(
  setup: Setup,
  processes: number,
  segments: number,
): Promise<string[]> {
  const backends: Backend[] = Array.from({ length: processes }, (_, i) => ({
    name: String(i + 1),
    url: new URL('http://127.0.0.1:1'),
    isHealthy: true,
    suspect: () => undefined,
  }))
  const router = new BackendRouter(backends)
  const byHome = new Map<string, string>()
  while (byHome.size < processes) {
    const id = await setup.newDocument(segments)
    const home = router.forDocument(encodeURIComponent(id))[0]!.name
    if (!byHome.has(home)) byHome.set(home, id)
  }
  return [...byHome.values()]
}

async function withSchema<T>(baseUrl: string, run: (url: string) => Promise<T>): Promise<T> {
  const schema = `bench_sync_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`CREATE SCHEMA ${schema}`)
  try {
    const url = new URL(baseUrl)
    url.searchParams.set('options', `-c search_path=${schema}`)
    return await run(url.toString())
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`)
    await admin.end()
  }
}

async function clusterPart(single: Record<string, Measured>) {
  const databaseUrl = process.env.DATABASE_URL
  const redisUrl = process.env.REDIS_URL
  if (!databaseUrl || !redisUrl) {
    return {
      skipped:
        'set DATABASE_URL and REDIS_URL to measure a cluster of three processes on PostgreSQL and Redis',
    }
  }
  const prefix = `bench:sync:${randomBytes(4).toString('hex')}:`
  return withSchema(databaseUrl, async (clusterUrl) => {
    const cluster = await startClusterServer(3, clusterUrl, redisUrl, prefix, { built: true })
    try {
      const setup = await ourSetup(cluster)
      const idleRssMb = Math.round(rssMb(cluster))
      const scenarios: Record<string, Measured & { p50ToSingle: number }> = {}
      for (const scenario of SCENARIOS) {
        const result = await runScenario(setup, scenario)
        progress(`${cluster.label}: ${scenario.name}`, result)
        scenarios[scenario.name] = {
          ...result,
          p50ToSingle: ratio(result.propagationMs.p50, single[scenario.name]!.propagationMs.p50),
        }
      }
      const oneDocument = await ramp(setup, [await setup.newDocument(2000)], 50, 2000)
      const threeDocuments = await ramp(
        setup,
        await documentsOnDistinctProcesses(setup, 3, 2000),
        17,
        2000,
      )
      // One process on the same PostgreSQL, the same three documents' load, for the throughput ratio.
      const onePg = await withSchema(databaseUrl, async (url) => {
        const server = await startOurServer('one process on PostgreSQL', url, { built: true })
        try {
          const pgSetup = await ourSetup(server)
          const ids = [
            await pgSetup.newDocument(2000),
            await pgSetup.newDocument(2000),
            await pgSetup.newDocument(2000),
          ]
          return await ramp(pgSetup, ids, 17, 2000)
        } finally {
          await server.stop()
        }
      })
      return {
        processes: 3,
        idleRssMb,
        scenarios,
        ramp50ClientsOneDocument: oneDocument,
        ramp51ClientsThreeDocuments: {
          cluster: threeDocuments,
          oneProcessOnPostgres: onePg,
          throughputRatio: ratio(
            threeDocuments.sustainedEditsPerSecond,
            onePg.sustainedEditsPerSecond,
          ),
          // A cluster that never failed was held back by the load, not by itself.
          throughputRatioIsLowerBound: threeDocuments.limitNotReached,
        },
        refusedByServers: Object.fromEntries(cluster.events),
      }
    } finally {
      await cluster.stop()
    }
  })
}

if (!existsSync(fileURLToPath(new URL('../../server/dist/main.mjs', import.meta.url)))) {
  console.error('server/dist/main.mjs is missing: run `npm run build` first')
  process.exit(2)
}
const ours = await startOurServer('ours (SQLite)', null, { built: true })
const reference = await startReferenceServer()
const output: Record<string, unknown> = { seconds: SECONDS, rampSeconds: RAMP_SECONDS }
try {
  const ourSide = await ourSetup(ours)
  const referenceSide = referenceSetup(reference, ourSide)
  output.idleRssMb = { ours: Math.round(rssMb(ours)), reference: Math.round(rssMb(reference)) }
  const single: Record<string, Measured> = {}
  const scenarios: Record<string, unknown> = {}
  for (const scenario of SCENARIOS) {
    const measuredOurs = await runScenario(ourSide, scenario)
    const measuredReference = await runScenario(referenceSide, scenario)
    progress(scenario.name, { ours: measuredOurs, reference: measuredReference })
    single[scenario.name] = measuredOurs
    scenarios[scenario.name] = {
      ours: measuredOurs,
      reference: measuredReference,
      oursToReference: compare(measuredOurs, measuredReference),
    }
  }
  output.scenarios = scenarios
  output.afterScenariosRssMb = {
    ours: Math.round(rssMb(ours)),
    reference: Math.round(rssMb(reference)),
  }
  output.ramp50ClientsOneDocument = {
    ours: await ramp(ourSide, [await ourSide.newDocument(2000)], 50, 2000),
    reference: await ramp(referenceSide, [await referenceSide.newDocument(2000)], 50, 2000),
  }
  output.serverEvents = Object.fromEntries(ours.events)
  await ours.stop()
  await reference.stop()
  output.cluster = await clusterPart(single)
} finally {
  await ours.stop()
  await reference.stop()
}
console.log(JSON.stringify(output, null, 2))
process.exit(0)
