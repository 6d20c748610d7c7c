// A logout reaches the sockets the session has open on other processes through Redis, which
// carries only the token's hash: whoever reads Redis (MONITOR, a replica, a subscriber) never
// sees a session token, live or dead.
import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { hashSessionToken } from '../../server/auth/index.ts'
import { asUser } from '../support/accounts.ts'
import { startCluster, type Cluster } from '../support/cluster.ts'
import { hasPostgres } from '../support/postgres.ts'
import { hasRedis } from '../support/redis.ts'
import { connectClient } from '../support/syncClient.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

let cluster: Cluster | null = null

beforeAll(async () => {
  if (hasPostgres && hasRedis) cluster = await startCluster({ processes: 2, label: 'logout' })
}, 60_000)

afterAll(async () => {
  await cluster?.dispose()
})

test.skipIf(!hasPostgres || !hasRedis)(
  'a logout on one process closes the session on another, and Redis sees only its hash',
  { timeout: 60_000 },
  async () => {
    const [first, second] = cluster!.servers
    const workspace = await createWorkspace({
      url: first!.url,
      databaseFile: '',
      databaseUrl: cluster!.schema.url,
    })
    const { id } = await workspace.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })
    const leaving = await workspace.member('translator')
    const token = leaving.cookie.slice('qalam_session='.length)

    // Every command the shared Redis runs while the logout crosses: other tests' too, but only
    // ours could hold this token, 256 random bits.
    const monitor = await new Redis(cluster!.redisUrl).monitor()
    const commands: string[] = []
    monitor.on('monitor', (_time: string, args: string[]) => commands.push(args.join(' ')))
    try {
      const client = connectClient(second!.url, id, leaving)
      const closeCodes: number[] = []
      client.provider.on('connection-close', (event: CloseEvent | null) => {
        if (event) closeCodes.push(event.code)
      })
      await client.synced()

      const out = await fetch(`${first!.url}/api/session`, {
        method: 'DELETE',
        headers: asUser(leaving),
      })
      expect(out.status).toBe(204)
      await waitFor(() => expect(closeCodes[0]).toBe(4401))
      client.destroy()

      const published = commands.filter((command) => command.startsWith('publish'))
      expect(published.some((command) => command.includes(hashSessionToken(token)))).toBe(true)
      expect(commands.filter((command) => command.includes(token))).toEqual([])
    } finally {
      monitor.disconnect()
    }
  },
)
