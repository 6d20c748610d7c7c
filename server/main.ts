import { startServer } from './app.ts'
import { configFromEnv } from './config.ts'

const server = await startServer(configFromEnv(process.env))
console.log(`Qalam is listening on ${server.url}`)

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
