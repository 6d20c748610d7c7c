import { readFileSync } from 'node:fs'
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

interface ProposalSide {
  sentences: string[]
  paragraphs: number[]
  gaps: string[]
  trailing: string
}

interface Proposal {
  title: string
  sourceLang: string
  targetLang: string
  source: ProposalSide
  target: ProposalSide
  beads: Array<{ source: number[]; target: number[]; confidence: number }>
}

interface AlignmentUpload {
  source?: Uint8Array | string
  target?: Uint8Array | string
  sourceName?: string
  sourceLang?: string
  targetLang?: string
  title?: string
  sourceEncoding?: string
  sameLanguage?: boolean
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
  if (upload.sourceEncoding !== undefined) form.append('sourceEncoding', upload.sourceEncoding)
  if (upload.sameLanguage) form.append('sameLanguage', 'true')
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
      gaps: ['', ' ', '\n\n', ' '],
      trailing: '\n',
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
      'the same language on both sides, unconfirmed',
      { source: RU, target: KK, targetLang: 'ru' },
      400,
      'import.same_language',
    ],
    [
      'an unknown source encoding',
      { source: RU, target: KK, sourceEncoding: 'cp866' },
      400,
      'request.invalid',
    ],
    [
      // 0x98 is the one byte windows-1251 leaves unassigned.
      'a source that is not valid in the encoding it names',
      { source: new Uint8Array([0xc0, 0x98, 0x2e]), target: KK, sourceEncoding: 'windows-1251' },
      400,
      'import.undecodable',
    ],
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

describe('the same language on both sides', () => {
  test('is aligned and created when the upload and the confirmation both confirm it', async () => {
    server = await start()
    const upload = await postAlignment(server.url, {
      source: RU,
      target: RU,
      targetLang: 'ru',
      sameLanguage: true,
    })
    expect(upload.status).toBe(200)
    const pairs = [{ source: 'Зал открыт.', target: 'Зал открыт.', paragraph: 0 }]
    const body = { title: 'Зал', sourceLang: 'ru', targetLang: 'ru', pairs }
    expect((await postConfirm(server.url, body)).status).toBe(400)
    expect(await listIds(server.url)).toEqual([])
    expect((await postConfirm(server.url, { ...body, sameLanguage: true })).status).toBe(201)
  })
})

describe('the project’s segmentation rules', () => {
  test('an exception the manager added keeps a sentence whole on the proposal’s source side', async () => {
    server = await start()
    const before = (await (
      await postAlignment(server.url, { source: RU, target: KK })
    ).json()) as Proposal
    expect(before.source.sentences).toHaveLength(4)
    const added = await fetch(
      `${server.url}/api/projects/${workspace.projectId}/segmentation/exceptions`,
      {
        method: 'POST',
        headers: asAdmin({ 'content-type': 'application/json' }),
        body: JSON.stringify({ lang: 'ru', abbreviation: 'часов.' }),
      },
    )
    expect(added.status).toBe(201)
    const after = (await (
      await postAlignment(server.url, { source: RU, target: KK })
    ).json()) as Proposal
    expect(after.source.sentences).toEqual([
      'Национальная библиотека Казахстана открыла новый читальный зал.',
      'В нём собраны редкие издания XIX века.',
      'Зал работает ежедневно с 9 до 18 часов. Вход свободный для всех читателей.',
    ])
    expect(after.target.sentences).toEqual(before.target.sentences)
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
      draft: 0,
      // The three translated pairs went into the project's translation memory.
      memoryUnits: 3,
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
    [
      'the same language on both sides, unconfirmed',
      { ...valid, targetLang: 'ru' },
      400,
      'import.same_language',
    ],
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
    [
      'text where the whitespace before a pair belongs',
      { ...valid, trailing: '\n', pairs: pairs.map((pair) => ({ ...pair, before: ' x ' })) },
      400,
      'request.invalid',
    ],
    [
      'the file layout with a pair lacking its whitespace before',
      { ...valid, trailing: '\n', pairs: [{ ...pairs[0]!, before: '' }, pairs[1]] },
      400,
      'request.invalid',
    ],
    [
      'a sentence break that is not a whole number',
      { ...valid, pairs: [{ ...pairs[2]!, sourceBreaks: [40.5] }] },
      400,
      'request.invalid',
    ],
    [
      'a confidence above 1',
      { ...valid, pairs: [{ ...pairs[0]!, confidence: 1.5 }] },
      400,
      'request.invalid',
    ],
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

describe('a partial translation', () => {
  // The sample article (14 lines, 16 sentences) against a Kazakh translation of its first six
  // lines only (7 sentences), as the issue tried it.
  const sample = (lang: string) =>
    readFileSync(new URL(`../fixtures/samples/archives.${lang}.txt`, import.meta.url), 'utf8')
  const ru = sample('ru')
  const kk = sample('kk').split('\n').slice(0, 6).join('\n') + '\n'

  /** The pairs the review screen sends for unchanged beads: the file's text of each pair. */
  function pairsOf(proposal: Proposal) {
    const { sentences, gaps, paragraphs } = proposal.source
    return proposal.beads.map((bead) => {
      let source = ''
      const sourceBreaks: number[] = []
      bead.source.forEach((k, position) => {
        if (position > 0) {
          source += gaps[k]
          sourceBreaks.push(source.length)
        }
        source += sentences[k]
      })
      return {
        source,
        target: bead.target.map((k) => proposal.target.sentences[k]).join(' '),
        paragraph: paragraphs[bead.source[0]!]!,
        before: gaps[bead.source[0]!]!,
        sourceBreaks,
        confidence: bead.confidence,
      }
    })
  }

  test('leaves the untranslated sentences 1-0, creates them new and doubtful pairs draft, and exports the source layout exactly', async () => {
    server = await start()
    const response = await postAlignment(server.url, { source: ru, target: kk })
    const proposal = (await response.json()) as Proposal
    expect(proposal.source.sentences).toHaveLength(16)
    expect(proposal.target.sentences).toHaveLength(7)
    expect(proposal.beads.map((bead) => [bead.source, bead.target])).toEqual([
      ...proposal.target.sentences.map((_, k) => [[k], [k]]),
      ...Array.from({ length: 9 }, (_, k) => [[7 + k], []]),
    ])

    // One translated pair the aligner is unsure of (as if it had said so) becomes a draft.
    const pairs = pairsOf(proposal)
    pairs[3] = { ...pairs[3]!, confidence: 0.3 }
    const confirmed = await postConfirm(server.url, {
      title: 'Память на полках',
      sourceLang: 'ru',
      targetLang: 'kk',
      pairs,
      trailing: proposal.source.trailing,
    })
    expect(confirmed.status).toBe(201)
    const created = (await confirmed.json()) as { id: string }
    expect(created).toMatchObject({ segments: 16, translated: 6, draft: 1 })
    const segments = readSegments(readStoredDocument(server.databaseFile, created.id))
    expect(segments.map((s) => s.status)).toEqual([
      ...['translated', 'translated', 'translated', 'draft', 'translated', 'translated'],
      'translated',
      ...Array.from({ length: 9 }, () => 'new'),
    ])

    // Untranslated segments export as their source, so the export is the Russian file with
    // its first seven sentences replaced, line for line: 14 lines, no blank ones added.
    const exported = await fetch(`${server.url}/api/documents/${created.id}/export?format=txt`, {
      headers: asAdmin(),
    })
    expect(exported.headers.get('x-untranslated-segments')).toBe('9')
    let expected = ru
    for (const [k, sentence] of proposal.source.sentences.slice(0, 7).entries())
      expected = expected.replace(sentence, proposal.target.sentences[k]!)
    const text = await exported.text()
    expect(text).toBe(expected)
    expect(text.split('\n')).toHaveLength(ru.split('\n').length)
  })

  test('a pair that merges sentences keeps the file text between them and where each begins', async () => {
    server = await start()
    const proposal = (await (
      await postAlignment(server.url, { source: ru, target: kk })
    ).json()) as Proposal
    // The review joins the third line's two sentences into one pair.
    const pairs = pairsOf({
      ...proposal,
      beads: [
        ...proposal.beads.slice(0, 2),
        { source: [2, 3], target: [2, 3], confidence: 0.9 },
        ...proposal.beads.slice(4),
      ],
    })
    const created = (await (
      await postConfirm(server.url, {
        title: 'Память',
        sourceLang: 'ru',
        targetLang: 'kk',
        pairs,
        trailing: proposal.source.trailing,
      })
    ).json()) as { id: string }
    const merged = readSegments(readStoredDocument(server.databaseFile, created.id))[2]!
    expect(merged.source).toBe(ru.split('\n')[2])
    expect(merged.sourceBreaks.map((at) => merged.source.slice(at))).toEqual([
      proposal.source.sentences[3],
    ])
    const exported = await fetch(`${server.url}/api/documents/${created.id}/export?format=txt`, {
      headers: asAdmin(),
    })
    expect((await exported.text()).split('\n')).toHaveLength(ru.split('\n').length)
  })
})
