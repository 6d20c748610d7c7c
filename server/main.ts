import { z } from 'zod'
import { startServer } from './app.ts'
import { configFromEnv } from './config.ts'
import { keepServingWithoutOutput, stderrLogger } from './logging/index.ts'

function readConfig() {
  try {
    return configFromEnv(process.env)
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error
    const problems = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    console.error(`Invalid environment. ${problems.join('; ')}`)
    process.exit(2)
  }
}

// A last resort, not a design: every socket message and request has its own guarded path.
// Whatever still escapes one is logged here and the process keeps serving everyone else,
// rather than letting one client end it for all.
keepServingWithoutOutput()
process.on('uncaughtException', (error) => {
  stderrLogger.error('process.uncaught_exception', { error })
})
process.on('unhandledRejection', (reason) => {
  stderrLogger.error('process.unhandled_rejection', { error: reason })
})

const server = await startServer(readConfig())
// One write, so that whoever reads up to the URL has read the first-run hint too.
const lines = [`Qalam is listening on ${server.url}`]
if (server.isFirstRun) {
  lines.push(
    'No accounts yet. Create the first administrator with:',
    '  npm run -s cli -- user add NAME --password P --admin',
  )
}
console.log(lines.join('\n'))
// Started by the cluster's supervisor (an IPC channel): its proxy hands WebSockets over.
if (process.channel) {
  const { acceptHandedUpgrades } = await import('./cluster/index.ts')
  acceptHandedUpgrades(server.adoptUpgrade, stderrLogger)
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error)
        process.exit(1)
      },
    )
  })
}
