import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, setStatus, setTargetText } from '@qalam/shared/model'
import { asUser, createUser, type Session } from '../support/accounts.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * The editor's match lookup through the real server: units approved in one document found for
 * the segments of another (fuzzy, exact, in context, numbers swapped), ranked, live after an
 * approval, and the route answered per role.
 */

interface MatchJson {
  percent: number
  kind: string
  inContext: boolean
  exact: boolean
  source: string
  target: string
  numbersReplaced: boolean
  diff: {
    text: Array<{ start: number; end: number; op: string }>
    stored: Array<{ start: number; end: number; op: string }>
  }
  origin: { memoryName: string; createdBy: string; createdAt: number }
}
interface MatchesJson {
  revision: number
  matches: MatchJson[]
  repetitions: Array<{ segmentId: string; index: number }>
}

const TEXT = [
  'Первое письмо.',
  'Книга хранится в фонде номер 12.',
  'Третье письмо.',
  'Книга хранится в фонде номер 12.',
  'Книга хранится в архиве номер 12.',
  'Книга хранится в фонде номер 40.',
].join(' ')
const TRANSLATION = 'Кітап 12 нөмірлі қорда сақталады.'

let server: TestServer
let workspace: Workspace
let reviewer: Session
let client: SyncClient
let documentId: string
let segmentIds: string[]

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Ұлттық кітапхана')
  reviewer = await workspace.member('reviewer', 'aigul')
  documentId = (await workspace.importDocument({ bytes: TEXT, title: 'Хаттар' })).id
  client = connectClient(server.url, documentId, reviewer)
  await client.synced()
  segmentIds = readSegments(client.doc).map((segment) => segment.id)
}, 60_000)

afterAll(async () => {
  client?.destroy()
  await server?.dispose()
})

async function matches(
  segment: string,
  session: Session | null = reviewer,
  extra = '',
): Promise<{ status: number; body: MatchesJson }> {
  const response = await fetch(
    `${server.url}/api/documents/${documentId}/matches?segment=${encodeURIComponent(segment)}${extra}`,
    { headers: asUser(session) },
  )
  return { status: response.status, body: (await response.json()) as MatchesJson }
}

const approve = (index: number, target: string) => {
  setTargetText(client.doc, segmentIds[index]!, target, reviewer.user.id)
  setStatus(client.doc, segmentIds[index]!, 'approved', reviewer.user.id)
}

const spanText = (text: string, spans: MatchJson['diff']['text']) =>
  spans.map((span) => text.slice(span.start, span.end))

describe('matches for the active segment', () => {
  test('an approval becomes a match for a waiting page as soon as it is stored', async () => {
    const before = await matches(segmentIds[4]!)
    expect(before.status).toBe(200)
    expect(before.body.matches).toEqual([])
    const waiting = matches(segmentIds[4]!, reviewer, `&since=${before.body.revision}`)
    approve(1, TRANSLATION)
    const after = await waiting
    expect(after.body.revision).toBeGreaterThan(before.body.revision)
    expect(after.body.matches).toHaveLength(1)
    const [match] = after.body.matches
    expect(match).toMatchObject({ kind: 'fuzzy', exact: false, inContext: false })
    expect(match!.percent).toBeGreaterThanOrEqual(50)
    expect(match!.percent).toBeLessThan(100)
    expect(match!.origin).toMatchObject({ memoryName: 'Ұлттық кітапхана', createdBy: 'aigul' })
    expect(spanText(TEXT.split('. ')[4]! + '.', match!.diff.text)).toEqual(['архиве'])
    expect(spanText(match!.source, match!.diff.stored)).toEqual(['фонде'])
  })

  test('the approved segment itself is a 101 % match in its context and its repetition 100 %', async () => {
    const own = await matches(segmentIds[1]!)
    expect(own.body.matches[0]).toMatchObject({
      percent: 101,
      kind: 'in-context',
      inContext: true,
      exact: true,
      target: TRANSLATION,
    })
    expect(own.body.repetitions).toEqual([{ segmentId: segmentIds[3], index: 3 }])
    const repeated = await matches(segmentIds[3]!)
    expect(repeated.body.matches[0]).toMatchObject({
      percent: 100,
      kind: 'exact',
      inContext: false,
      exact: true,
    })
    expect(repeated.body.repetitions.map((entry) => entry.index)).toEqual([1])
  })

  test('a match differing only in a number gets the new number in its target, ranked above a word change', async () => {
    approve(4, 'Кітап 12 нөмірлі мұрағатта сақталады.')
    const found = await waitFor(async () => {
      const { body } = await matches(segmentIds[5]!)
      expect(body.matches).toHaveLength(2)
      return body.matches
    })
    expect(found[0]).toMatchObject({
      target: 'Кітап 40 нөмірлі қорда сақталады.',
      numbersReplaced: true,
      kind: 'fuzzy',
    })
    expect(found[0]!.percent).toBeGreaterThan(found[1]!.percent)
    expect(found[1]!.target).toBe('Кітап 12 нөмірлі мұрағатта сақталады.')
  })

  test('a segment that is not in the document and a missing segment parameter are refused', async () => {
    const unknown = await matches('no-such-segment')
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ error: { code: 'segment.not_found' } })
    const response = await fetch(`${server.url}/api/documents/${documentId}/matches`, {
      headers: asUser(reviewer),
    })
    expect(response.status).toBe(400)
  })
})

describe('who may look up matches', () => {
  const ACTORS = ['anonymous', 'nonMember', 'viewer', 'translator', 'reviewer', 'manager', 'admin']
  const EXPECTED = [401, 404, 200, 200, 200, 200, 200]
  test.each(ACTORS.map((actor, index) => [actor, EXPECTED[index]!] as const))(
    'answers %s with %i',
    async (actor, status) => {
      let session: Session | null = null
      if (actor === 'admin') session = workspace.admin
      else if (actor === 'nonMember')
        session = await createUser(server.url, workspace.admin, 'outsider')
      else if (actor !== 'anonymous')
        session = await workspace.member(actor as 'viewer' | 'translator' | 'reviewer' | 'manager')
      const result = await matches(segmentIds[1]!, session)
      expect(result.status).toBe(status)
      if (status === 200) expect(result.body.matches.length).toBeGreaterThan(0)
      else expect(JSON.stringify(result.body)).not.toContain(TRANSLATION)
    },
  )
})

interface ConcordanceJson {
  hits: Array<{
    source: string
    target: string
    targetLang: string
    sourceSpans: Array<{ start: number; end: number }>
    targetSpans: Array<{ start: number; end: number }>
    origin: { memoryName: string; changedBy: string; changedAt: number }
  }>
}

async function concordance(
  query: string,
  side: string,
  session: Session | null = reviewer,
): Promise<{ status: number; body: ConcordanceJson }> {
  const params = new URLSearchParams({ q: query, side })
  const response = await fetch(`${server.url}/api/documents/${documentId}/concordance?${params}`, {
    headers: asUser(session),
  })
  return { status: response.status, body: (await response.json()) as ConcordanceJson }
}

const spanned = (text: string, spans: Array<{ start: number; end: number }>) =>
  spans.map((span) => text.slice(span.start, span.end))

describe('concordance over the project memories', () => {
  // Runs after the approvals above: units "Кітап 12 нөмірлі қорда / мұрағатта сақталады."
  test('finds a Kazakh word in targets through its endings, with hits in both texts', async () => {
    const { status, body } = await concordance('мұрағат', 'target')
    expect(status).toBe(200)
    expect(body.hits).toHaveLength(1)
    const [hit] = body.hits
    expect(spanned(hit!.target, hit!.targetSpans)).toEqual(['мұрағатта'])
    expect(hit!.sourceSpans).toEqual([])
    expect(hit!.origin).toMatchObject({ memoryName: 'Ұлттық кітапхана', changedBy: 'aigul' })
  })

  test('searches sources only, targets only, or both', async () => {
    const inSources = await concordance('фондах', 'source')
    expect(inSources.body.hits.map((hit) => hit.target)).toEqual([TRANSLATION])
    expect(spanned(inSources.body.hits[0]!.source, inSources.body.hits[0]!.sourceSpans)).toEqual([
      'фонде',
    ])
    expect((await concordance('фонде', 'target')).body.hits).toEqual([])
    const both = await concordance('кітап', 'both')
    expect(both.body.hits).toHaveLength(2)
    const newest = both.body.hits[0]!
    expect(newest.target).toBe('Кітап 12 нөмірлі мұрағатта сақталады.')
    expect(newest.origin.changedAt).toBeGreaterThanOrEqual(both.body.hits[1]!.origin.changedAt)
  })

  test('refuses an empty or overlong query and an unknown side', async () => {
    for (const [query, side] of [
      ['  ', 'both'],
      ['к'.repeat(201), 'both'],
      ['кітап', 'everywhere'],
    ] as const) {
      const { status, body } = await concordance(query, side)
      expect(status).toBe(400)
      expect(JSON.stringify(body)).toContain('request.invalid')
    }
  })
})

describe('who may search the concordance', () => {
  const ACTORS = ['anonymous', 'nonMember', 'viewer', 'translator', 'reviewer', 'manager', 'admin']
  const EXPECTED = [401, 404, 200, 200, 200, 200, 200]
  test.each(ACTORS.map((actor, index) => [actor, EXPECTED[index]!] as const))(
    'answers %s with %i',
    async (actor, status) => {
      let session: Session | null = null
      if (actor === 'admin') session = workspace.admin
      else if (actor === 'nonMember')
        session = await createUser(server.url, workspace.admin, 'outsider-concordance')
      else if (actor !== 'anonymous')
        session = await workspace.member(actor as 'viewer' | 'translator' | 'reviewer' | 'manager')
      const result = await concordance('қорда', 'target', session)
      expect(result.status).toBe(status)
      if (status === 200) expect(result.body.hits.length).toBeGreaterThan(0)
      else expect(JSON.stringify(result.body)).not.toContain(TRANSLATION)
    },
  )
})
