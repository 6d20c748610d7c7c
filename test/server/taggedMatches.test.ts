import { afterAll, beforeAll, expect, test } from 'vitest'
import { readSegments, setStatus, setTargetTagged, type PlacedTag } from '@qalam/shared/model'
import { asUser, type Session } from '../support/accounts.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * Inline tags through the project memory on the real server: a segment approved with its bold
 * run becomes a unit with TMX codes, a similar segment's match brings them as its own tags,
 * the match written into it keeps them, and the memory's TMX export has them.
 */

const PAGE = `<!doctype html><html lang="ru"><body>
<p>Опись <b>фонда</b> составлена.</p>
<p>Опись <b>фонда</b> составлена заново.</p>
</body></html>`
const TRANSLATION = 'Қордың тізімдемесі жасалды.'
/** «Қордың» in bold, as the source's «фонда». */
const BOLD_FIRST_WORD: PlacedTag[] = [
  { kind: 'open', n: 1, offset: 0 },
  { kind: 'close', n: 1, offset: 6 },
]

interface MatchesJson {
  revision: number
  matches: Array<{ percent: number; target: string; targetTags: PlacedTag[] }>
}

let server: TestServer
let workspace: Workspace
let reviewer: Session
let client: SyncClient
let observer: SyncClient
let documentId: string

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Мұрағат')
  reviewer = await workspace.member('reviewer', 'aigul')
  documentId = (await workspace.importDocument({ bytes: PAGE, fileName: 'fond.html' })).id
  client = connectClient(server.url, documentId, reviewer)
  observer = connectClient(server.url, documentId, workspace.admin)
  await Promise.all([client.synced(), observer.synced()])
}, 60_000)

afterAll(async () => {
  client?.destroy()
  observer?.destroy()
  await server?.dispose()
})

async function matches(segmentId: string, extra = ''): Promise<MatchesJson> {
  const response = await fetch(
    `${server.url}/api/documents/${documentId}/matches?segment=${encodeURIComponent(segmentId)}${extra}`,
    { headers: asUser(reviewer) },
  )
  expect(response.status).toBe(200)
  return (await response.json()) as MatchesJson
}

test('a unit approved with tags brings them to a similar segment, and its TMX export has them', async () => {
  const [approved, similar] = readSegments(client.doc)
  expect(approved!.sourceTags).toHaveLength(2)
  expect(similar!.sourceTags).toHaveLength(2)

  const before = await matches(similar!.id)
  const waiting = matches(similar!.id, `&since=${before.revision}`)
  setTargetTagged(
    client.doc,
    approved!.id,
    { text: TRANSLATION, tags: BOLD_FIRST_WORD },
    reviewer.user.id,
  )
  setStatus(client.doc, approved!.id, 'approved', reviewer.user.id)
  const [match] = (await waiting).matches
  expect(match!.percent).toBeLessThan(100)
  expect(match!.target).toBe(TRANSLATION)
  expect(match!.targetTags).toEqual(BOLD_FIRST_WORD)

  // What the match panel does with a match that has tags: one change, tags and all.
  setTargetTagged(
    client.doc,
    similar!.id,
    { text: match!.target, tags: match!.targetTags },
    reviewer.user.id,
  )
  await waitFor(() =>
    expect(readSegments(observer.doc)[1]).toMatchObject({
      target: TRANSLATION,
      targetTags: BOLD_FIRST_WORD,
    }),
  )

  const memories = await fetch(`${server.url}/api/projects/${workspace.projectId}/memories`, {
    headers: asUser(workspace.admin),
  })
  const { memories: list } = (await memories.json()) as { memories: Array<{ id: string }> }
  const exported = await fetch(
    `${server.url}/api/projects/${workspace.projectId}/memories/${list[0]!.id}/export`,
    { headers: asUser(workspace.admin) },
  )
  const tmx = await exported.text()
  expect(tmx).toContain(
    'Опись <bpt i="1">&lt;b&gt;</bpt>фонда<ept i="1">&lt;/b&gt;</ept> составлена.',
  )
  expect(tmx).toContain(
    '<bpt i="1">&lt;b&gt;</bpt>Қордың<ept i="1">&lt;/b&gt;</ept> тізімдемесі жасалды.',
  )
}, 60_000)
