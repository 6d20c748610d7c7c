import { readSegments, setTargetText } from '@qalam/shared/model'
import type { Session } from '../support/accounts.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from '../server/fixtures.ts'
import { FUZZ_ROLES, runSyncFuzz, type FuzzRole, type FuzzReport } from './syncFuzz.ts'

/**
 * A real server with a document, a session of every role, and two honest clients that keep
 * editing through the fuzzing; resolves with the report once both honest clients converged.
 */
export async function fuzzSyncServer(
  seed: number,
  budgetMs: number,
  minCases = 0,
): Promise<FuzzReport> {
  const server: TestServer = await startTestServer()
  const clients: SyncClient[] = []
  try {
    const workspace = await createWorkspace(server)
    const documentId = (await workspace.importDocument({ bytes: SAMPLE_BYTES })).id
    const sessions = new Map<FuzzRole, Session | null>()
    for (const role of FUZZ_ROLES) {
      sessions.set(role, role === 'anonymous' ? null : await workspace.member(role))
    }
    const honestSession = await workspace.member('translator')
    const honest = connectClient(server.url, documentId, honestSession)
    const observer = connectClient(server.url, documentId, workspace.admin)
    clients.push(honest, observer)
    await Promise.all([honest.synced(), observer.synced()])

    const report = await runSyncFuzz(
      { server, documentId, sessions, random: seededRandom(seed) },
      observer.doc,
      seed,
      budgetMs,
      minCases,
    )

    // Honest clients keep converging after all that.
    const id = readSegments(honest.doc)[0]!.id
    setTargetText(honest.doc, id, `Адал аударма ${seed}.`, honestSession.user.id)
    await waitFor(() => {
      if (readSegments(observer.doc)[0]!.target !== `Адал аударма ${seed}.`) {
        throw new Error('the honest edit has not reached the other client')
      }
    })
    if (!honest.provider.wsconnected) throw new Error('the honest client was disconnected')
    const health = await fetch(`${server.url}/healthz`)
    if (health.status !== 200) throw new Error(`healthz answered ${health.status}`)
    return report
  } finally {
    for (const client of clients) client.destroy()
    await server.dispose()
  }
}
