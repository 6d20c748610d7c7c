// `npm run start:cluster [-- --processes N]`: several servers on PostgreSQL and Redis behind
// one address. With CLUSTER_BACKENDS it is the proxy alone, in front of servers others run.
import { z } from 'zod'
import { keepServingWithoutOutput, stderrLogger } from '../logging/index.ts'
import { ClusterConfigError, clusterConfigFromEnv, type ClusterConfig } from './clusterConfig.ts'
import { startCluster } from './startCluster.ts'

function readConfig(): ClusterConfig {
  try {
    return clusterConfigFromEnv(process.env, process.argv.slice(2))
  } catch (error) {
    if (error instanceof ClusterConfigError) {
      console.error(error.message)
    } else if (error instanceof z.ZodError) {
      const problems = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      console.error(`Invalid environment. ${problems.join('; ')}`)
    } else {
      throw error
    }
    process.exit(2)
  }
}

keepServingWithoutOutput()
process.on('uncaughtException', (error) => {
  stderrLogger.error('process.uncaught_exception', { error })
})
process.on('unhandledRejection', (reason) => {
  stderrLogger.error('process.unhandled_rejection', { error: reason })
})

const config = readConfig()
const cluster = await startCluster(config, {
  log: stderrLogger,
  env: process.env,
  onProcessListening: (server) =>
    console.log(`process ${server.name} (pid ${server.pid}) is listening on ${server.url?.origin}`),
})
console.log(`Qalam cluster is listening on ${cluster.url} (${cluster.backends.length} processes)`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cluster.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error)
        process.exit(1)
      },
    )
  })
}
