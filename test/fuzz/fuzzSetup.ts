import { readSegments, setTargetText } from '@qalam/shared/model'
import type { Session } from '../support/accounts.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from '../server/fixtures.ts'
import { multipartTargets } from './multipartTargets.ts'
import { FUZZ_ROLES, runFuzz, type FuzzRole, type FuzzReport } from './runFuzz.ts'
import { syncTargets } from './syncTargets.ts'

export type FuzzFamily = 'sync' | 'multipart'

/** Small, so that a file past the limit is quick to send; the limit is what is tested. */
const FUZZ_MAX_UPLOAD_BYTES = 256 * 1024

/**
 * A real server with a document, a session of every role, and two honest clients that keep
 * editing through the fuzzing of the chosen target families; resolves with the report once
 * both honest clients converged and the server still answers.
 */
export async function fuzzServer(
  families: readonly FuzzFamily[],
  seed: number,
  budgetMs: number,
  minCases = 0,
): Promise<FuzzReport> {
  const server: TestServer = await startTestServer({ maxUploadBytes: FUZZ_MAX_UPLOAD_BYTES })
  const clients: SyncClient[] = []
  let closeSockets = () => {}
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

    const context = { server, sessions, random: seededRandom(seed) }
    const targets = []
    if (families.includes('sync')) {
      const sync = syncTargets(context, documentId, observer.doc)
      closeSockets = () => sync.close()
      targets.push(...sync.targets)
    }
    if (families.includes('multipart')) {
      targets.push(...multipartTargets(workspace.projectId, FUZZ_MAX_UPLOAD_BYTES))
    }
    const report = await runFuzz(context, targets, seed, budgetMs, minCases)
    closeSockets()

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
    closeSockets()
    for (const client of clients) client.destroy()
    await server.dispose()
  }
}
