import { afterEach, describe, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import { readStoredDocument } from '../support/storedDocument.ts'
import { asUser } from '../support/accounts.ts'
import { readFixtureDevSet } from '../support/alignmentDevSets.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

let server: TestServer | null = null
/** The administrator and project every request of a test acts as and in. */
let workspace: Workspace

async function start(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const started = await startTestServer(overrides)
  workspace = await createWorkspace(started)
  return started
}

const asAdmin = (headers: Record<string, string> = {}) => asUser(workspace.admin, headers)

afterEach(async () => {
  await server?.dispose()
  server = null
})

const RU = [
  'Национальная библиотека Казахстана открыла новый читальный зал. В нём собраны редкие издания XIX века.',
  '',
  'Зал работает ежедневно с 9 до 18 часов. Вход свободный для всех читателей.',
  '',
].join('\n')

const KK = [
  'Қазақстан Ұлттық кітапханасы жаңа оқу залын ашты. Онда XIX ғасырдың сирек басылымдары жинақталған.',
  '',
  'Зал күн сайын сағат 9-дан 18-ге дейін жұмыс істейді. Кіру барлық оқырмандар үшін тегін.',
  '',
].join('\n')

interface Proposal {
  title: string
  sourceLang: string
  targetLang: string
  source: { sentences: string[]; paragraphs: number[] }
  target: { sentences: string[]; paragraphs: number[] }
  beads: Array<{ source: number[]; target: number[]; confidence: number }>
}

interface AlignmentUpload {
  source?: Uint8Array | string
  target?: Uint8Array | string
  sourceName?: string
  sourceLang?: string
  targetLang?: string
  title?: string
}

function filePart(bytes: Uint8Array | string): Blob {
  return new Blob([
    new Uint8Array(typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes),
  ])
}

function postAlignment(url: string, upload: AlignmentUpload): Promise<Response> {
  const form = new FormData()
  form.append('projectId', workspace.projectId)
  if (upload.title !== undefined) form.append('title', upload.title)
  form.append('sourceLang', upload.sourceLang ?? 'ru')
  form.append('targetLang', upload.targetLang ?? 'kk')
  if (upload.source !== undefined)
    form.append('source', filePart(upload.source), upload.sourceName ?? 'reading-room.ru.txt')
  if (upload.target !== undefined)
    form.append('target', filePart(upload.target), 'reading-room.kk.txt')
  return fetch(`${url}/api/alignments`, { method: 'POST', body: form, headers: asAdmin() })
}

function postConfirm(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/alignments/confirm`, {
    method: 'POST',
    headers: asAdmin({ 'content-type': 'application/json' }),
    body:
      typeof body === 'string'
        ? body
        : JSON.stringify({ projectId: workspace.projectId, ...(body as object) }),
  })
}

async function listIds(url: string): Promise<string[]> {
  const response = await fetch(`${url}/api/documents`, { headers: asAdmin() })
  const { documents } = (await response.json()) as { documents: Array<{ id: string }> }
  return documents.map((d) => d.id)
}

/** Every sentence of both sides appears exactly once, in order, and no bead is empty. */
function expectCoversInOrder(proposal: Proposal): void {
  const sources = proposal.beads.flatMap((bead) => bead.source)
  const targets = proposal.beads.flatMap((bead) => bead.target)
  expect(sources).toEqual(proposal.source.sentences.map((_, k) => k))
  expect(targets).toEqual(proposal.target.sentences.map((_, k) => k))
  for (const bead of proposal.beads) {
    expect(bead.source.length + bead.target.length).toBeGreaterThan(0)
    expect(bead.confidence).toBeGreaterThanOrEqual(0)
    expect(bead.confidence).toBeLessThanOrEqual(1)
  }
}

describe('POST /api/alignments proposes pairs without storing anything', () => {
  test('a Russian text and its Kazakh translation come back as sentences, paragraphs and 1-1 beads', async () => {
    server = await start()
    const response = await postAlignment(server.url, { source: RU, target: KK })
    expect(response.status).toBe(200)
    const proposal = (await response.json()) as Proposal
    expect(proposal).toMatchObject({ title: 'reading-room.ru', sourceLang: 'ru', targetLang: 'kk' })
    expect(proposal.source).toEqual({
      sentences: [
        'Национальная библиотека Казахстана открыла новый читальный зал.',
        'В нём собраны редкие издания XIX века.',
        'Зал работает ежедневно с 9 до 18 часов.',
        'Вход свободный для всех читателей.',
      ],
      paragraphs: [0, 0, 1, 1],
    })
    expect(proposal.target.sentences).toHaveLength(4)
    expect(proposal.target.paragraphs).toEqual([0, 0, 1, 1])
    expect(proposal.beads.map((bead) => [bead.source, bead.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
      [[3], [3]],
    ])
    expect(await listIds(server.url)).toEqual([])
  })

  test('the ru-kk development set is covered sentence by sentence, in order', async () => {
    server = await start()
    const set = readFixtureDevSet('kk')
    const ru = set.source.join('\n') + '\n'
    const kk = set.target.join('\n') + '\n'
    const response = await postAlignment(server.url, {
      source: ru,
      target: kk,
      title: 'Память на полках',
    })
    expect(response.status).toBe(200)
    const proposal = (await response.json()) as Proposal
    expect(proposal.title).toBe('Память на полках')
    expect(proposal.source.sentences).toEqual(set.source)
    expect(proposal.target.sentences).toEqual(set.target)
    expectCoversInOrder(proposal)
    const oneToOne = proposal.beads.filter((b) => b.source.length === 1 && b.target.length === 1)
    expect(oneToOne.length).toBeGreaterThan(proposal.beads.length / 2)
  })

  const LIMIT = 4000
  const badUploads: Array<[string, AlignmentUpload, number, string]> = [
    ['no translation file', { source: RU }, 400, 'import.missing_file'],
    ['no source file', { target: KK }, 400, 'import.missing_file'],
    ['an empty translation', { source: RU, target: '' }, 400, 'import.empty'],
    [
      'a translation in UTF-16',
      { source: RU, target: new Uint8Array([0xff, 0xfe, 0x41, 0x00]) },
      400,
      'import.not_utf8',
    ],
    [
      'a binary source',
      { source: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), target: KK },
      400,
      'import.binary',
    ],
    [
      'an unknown language',
      { source: RU, target: KK, targetLang: 'x' },
      400,
      'import.unknown_language',
    ],
    [
      'a translation of whitespace only',
      { source: RU, target: ' \n\n \n' },
      422,
      'align.empty_side',
    ],
    ['a source of whitespace only', { source: '\n\t\n', target: KK }, 422, 'align.empty_side'],
    [
      'a translation over the size limit',
      { source: RU, target: 'Өте ұзын мәтін. '.repeat(400) },
      413,
      'import.too_large',
    ],
  ]

  test.each(badUploads)('%s is refused with its code', async (_name, upload, status, code) => {
    server = await start({ maxUploadBytes: LIMIT })
    const response = await postAlignment(server.url, upload)
    expect(response.status).toBe(status)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code)
    expect(await listIds(server.url)).toEqual([])
  })
})

describe('POST /api/alignments/confirm creates the document', () => {
  const pairs = [
    {
      source: 'Национальная библиотека Казахстана открыла новый читальный зал.',
      target: 'Қазақстан Ұлттық кітапханасы жаңа оқу залын ашты.',
      paragraph: 0,
    },
    {
      source: 'В нём собраны редкие издания XIX века.',
      target: 'Онда XIX ғасырдың сирек басылымдары жинақталған.',
      paragraph: 0,
    },
    {
      source: 'Зал работает ежедневно с 9 до 18 часов. Вход свободный для всех читателей.',
      target:
        'Зал күн сайын сағат 9-дан 18-ге дейін жұмыс істейді. Кіру барлық оқырмандар үшін тегін.',
      paragraph: 1,
    },
    { source: 'Телефон для справок указан на сайте.', target: '', paragraph: 1 },
  ]

  test('segments are the pair sources, targets filled and translated, an empty target new', async () => {
    server = await start()
    const response = await postConfirm(server.url, {
      title: 'Читальный зал',
      sourceLang: 'RU',
      targetLang: 'kk-cyrl',
      pairs,
    })
    expect(response.status).toBe(201)
    const created = (await response.json()) as { id: string }
    expect(created).toEqual({
      id: expect.any(String),
      title: 'Читальный зал',
      sourceLang: 'ru',
      targetLang: 'kk-Cyrl',
      segments: 4,
      translated: 3,
    })

    const doc = readStoredDocument(server.databaseFile, created.id)
    expect(readSegments(doc).map((s) => [s.source, s.target, s.status])).toEqual(
      pairs.map((pair) => [pair.source, pair.target, pair.target ? 'translated' : 'new']),
    )

    const summary = (await (
      await fetch(`${server.url}/api/documents/${created.id}`, { headers: asAdmin() })
    ).json()) as {
      progress: { byStatus: Record<string, number> }
    }
    expect(summary.progress.byStatus).toMatchObject({ translated: 3, new: 1 })

    const exported = await fetch(`${server.url}/api/documents/${created.id}/export?format=txt`, {
      headers: asAdmin(),
    })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('x-untranslated-segments')).toBe('1')
    expect(await exported.text()).toBe(
      `${pairs[0]!.target} ${pairs[1]!.target}\n\n${pairs[2]!.target} ${pairs[3]!.source}\n`,
    )
  })

  const valid = { title: 'Зал', sourceLang: 'ru', targetLang: 'kk', pairs }
  const badBodies: Array<[string, unknown, number, string]> = [
    [
      'a pair without source text',
      { ...valid, pairs: [...pairs, { source: '  ', target: 'Артық сөйлем.', paragraph: 1 }] },
      422,
      'align.empty_source',
    ],
    ['no pairs', { ...valid, pairs: [] }, 400, 'request.invalid'],
    ['no title', { ...valid, title: ' ' }, 400, 'request.invalid'],
    [
      'a negative paragraph',
      { ...valid, pairs: [{ source: 'А.', target: 'Б.', paragraph: -1 }] },
      400,
      'request.invalid',
    ],
    [
      'a side over the length limit',
      { ...valid, pairs: [{ source: 'а'.repeat(100_001), target: '', paragraph: 0 }] },
      400,
      'request.invalid',
    ],
    ['an unknown language', { ...valid, sourceLang: '12' }, 400, 'import.unknown_language'],
    ['a body that is not JSON', '{"title": ', 400, 'request.invalid'],
  ]

  test.each(badBodies)('%s is refused with its code', async (_name, body, status, code) => {
    server = await start()
    const response = await postConfirm(server.url, body)
    expect(response.status).toBe(status)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code)
    expect(await listIds(server.url)).toEqual([])
  })

  test('a body over the size limit is refused as too large', async () => {
    server = await start({ maxUploadBytes: 1000 })
    const many = Array.from({ length: 20_000 }, () => ({
      source: 'Предложение.',
      target: 'Сөйлем.',
      paragraph: 0,
    }))
    const response = await postConfirm(server.url, { ...valid, pairs: many })
    expect(response.status).toBe(413)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'request.too_large',
    )
    expect(await listIds(server.url)).toEqual([])
  })
})
