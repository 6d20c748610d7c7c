import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ANALYSIS_BANDS, type AnalysisBand, type AnalysisReport } from '@qalam/shared/analysis'
import { readSegments, setTargetText } from '@qalam/shared/model'
import { countWords } from '@qalam/shared/text'
import { asUser, createUser, type Session } from '../support/accounts.ts'
import { generateDocument } from '../support/generateDocument.ts'
import { generateTmx } from '../support/generateTmx.ts'
import { importTmxIntoProject, tmxOf } from '../support/memoryApi.ts'
import { connectClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

/*
 * The analysis of a document by match band through the real server: a crafted memory that
 * puts one segment in each band, the CSV (with a hostile title), access per role, and other
 * requests (HTTP and sync) served while a large analysis runs in its worker.
 */

const S = {
  none: 'Первое письмо директору архива.',
  inContext: 'Фонд содержит рукописи и письма.',
  exact: 'Опись фонда составлена в прошлом году.',
  fuzzy95: 'Опись дел составлена заново.',
  fuzzy85: 'Читатели могут заказать копии старых карт через сайт архива заранее.',
  fuzzy75: 'Зал закрыт для посетителей ежедневно.',
  fuzzy50: 'Зал закрыт для гостей ежедневно.',
  below50: 'Музей получил старые картины в подарок.',
}
const DOCUMENT = [
  S.none,
  S.inContext,
  S.exact,
  S.fuzzy95,
  S.fuzzy85,
  S.fuzzy75,
  S.fuzzy50,
  S.below50,
  S.exact, // a repetition of a 100 % segment
  S.none, // a repetition of a segment without a match
].join(' ')
const MEMORY = tmxOf([
  { source: S.inContext, target: 'Қорда қолжазбалар мен хаттар бар.', prev: S.none, next: S.exact },
  { source: S.exact, target: 'Қордың тізімдемесі өткен жылы жасалды.' },
  { source: 'опись дел составлена заново.', target: 'Істер тізімдемесі қайта жасалды.' },
  {
    source: 'Читатели могут заказать копии старых документов через сайт архива заранее.',
    target:
      'Оқырмандар ескі құжаттардың көшірмелерін мұрағат сайты арқылы алдын ала тапсырыс бере алады.',
  },
  { source: 'Зал открыт для посетителей ежедневно.', target: 'Зал келушілерге күн сайын ашық.' },
  {
    source: 'Библиотека получила новые книги в подарок.',
    target: 'Кітапхана сыйлыққа жаңа кітаптар алды.',
  },
])

const EXPECTED: Record<AnalysisBand, string[]> = {
  repetition: [S.exact, S.none],
  'in-context': [S.inContext],
  exact: [S.exact],
  fuzzy95: [S.fuzzy95],
  fuzzy85: [S.fuzzy85],
  fuzzy75: [S.fuzzy75],
  fuzzy50: [S.fuzzy50],
  none: [S.none, S.below50],
}

/** Health checks made one after the other while the analysis runs. */
const HEALTH_CHECKS = 5

let server: TestServer
let workspace: Workspace
let documentId: string
let translator: Session

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Мұрағат')
  translator = await workspace.member('translator')
  await importTmxIntoProject(server.url, workspace.admin, workspace.projectId, MEMORY)
  documentId = (await workspace.importDocument({ bytes: DOCUMENT, title: '=HYPERLINK("x")' })).id
}, 60_000)

afterAll(async () => {
  await server?.dispose()
})

const analysis = (session: Session | null, query = '', id = documentId) =>
  fetch(`${server.url}/api/documents/${id}/analysis${query}`, { headers: asUser(session) })

describe('document analysis', () => {
  test('puts each segment in its band, repetitions after their first occurrence', async () => {
    const response = await analysis(translator)
    expect(response.status).toBe(200)
    const report = (await response.json()) as AnalysisReport
    for (const band of ANALYSIS_BANDS) {
      const words = EXPECTED[band].reduce((sum, text) => sum + countWords(text), 0)
      expect({ band, ...report.bands[band] }).toMatchObject({
        band,
        segments: EXPECTED[band].length,
        words,
      })
    }
    expect(report.total.segments).toBe(10)
    expect(report.total.words).toBe(countWords(DOCUMENT))
    expect(report.total.characters).toBe(DOCUMENT.replace(/\s/g, '').length)
    const weighted = ANALYSIS_BANDS.reduce(
      (sum, band) => sum + (report.bands[band].words * report.weights[band]) / 100,
      0,
    )
    expect(report.weightedWords).toBeCloseTo(weighted, 1)
    expect(report.weights['in-context']).toBe(0)
    expect(report.weights.none).toBe(100)
  })

  test('is written as CSV with the formula in the title guarded', async () => {
    const response = await analysis(translator, '?format=csv')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/)
    const text = await response.text()
    const lines = text.replace(/^\ufeff/, '').split('\r\n')
    expect(lines[0]).toBe(`Document,"'=HYPERLINK(""x"")"`)
    expect(lines[1]).toBe('Band,Segments,Words,Characters,Words %,Weight %,Weighted words')
    const exactWords = countWords(S.exact)
    expect(lines).toContain(
      `Repetitions,2,${exactWords + countWords(S.none)},${
        (S.exact + S.none).replace(/\s/g, '').length
      },${Math.round(((exactWords + countWords(S.none)) / countWords(DOCUMENT)) * 1000) / 10},25,${
        ((exactWords + countWords(S.none)) * 25) / 100
      }`,
    )
    expect(lines.at(-2)).toMatch(/^Total,10,/)
  })

  test('is open to every member and to no one else', async () => {
    for (const role of ['manager', 'reviewer', 'viewer'] as const) {
      expect((await analysis(await workspace.member(role))).status).toBe(200)
    }
    expect((await analysis(workspace.admin)).status).toBe(200)
    const outsider = await createUser(server.url, workspace.admin, 'outsider')
    const refused = await analysis(outsider)
    expect(refused.status).toBe(404)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'document.not_found',
    )
    expect((await analysis(null)).status).toBe(401)
    expect((await analysis(translator, '?format=xls')).status).toBe(400)
  })

  test('sums the project’s documents for a project total', async () => {
    const response = await fetch(`${server.url}/api/projects/${workspace.projectId}/analysis`, {
      headers: asUser(translator),
    })
    expect(response.status).toBe(200)
    const report = (await response.json()) as AnalysisReport
    expect(report.total.segments).toBe(10)
    expect(report.bands.repetition.segments).toBe(2)
  })

  test('a memory written to since is seen by the next analysis', async () => {
    await importTmxIntoProject(
      server.url,
      workspace.admin,
      workspace.projectId,
      tmxOf([{ source: S.below50, target: 'Мұражай сыйлыққа ескі суреттер алды.' }]),
    )
    const report = (await (await analysis(translator)).json()) as AnalysisReport
    expect(report.bands.exact.segments).toBe(2)
    expect(report.bands.none.segments).toBe(1)
  })

  test('while a large document is analysed in its worker, /healthz and a live edit are answered first', async () => {
    await importTmxIntoProject(
      server.url,
      workspace.admin,
      workspace.projectId,
      [...generateTmx(3000)].join(''),
    )
    const { id } = await workspace.importDocument({ bytes: generateDocument(1500), title: 'Large' })
    const editor = connectClient(server.url, documentId, translator)
    const observer = connectClient(server.url, documentId, workspace.admin)
    try {
      await Promise.all([editor.synced(), observer.synced()])
      const events: string[] = []
      const running = analysis(translator, '', id).then(async (response) => {
        events.push('analysis answered')
        return response
      })
      for (let i = 0; i < HEALTH_CHECKS; i++) {
        const health = await fetch(`${server.url}/healthz`)
        if (health.status === 200) events.push('healthz answered')
      }
      const segmentId = readSegments(editor.doc)[0]!.id
      setTargetText(editor.doc, segmentId, 'Бірінші хат.', translator.user.id)
      await waitFor(() => expect(readSegments(observer.doc)[0]!.target).toBe('Бірінші хат.'))
      events.push('live edit relayed')
      const report = (await (await running).json()) as AnalysisReport
      expect(report.total.segments).toBeGreaterThan(1000)
      expect(events).toEqual([
        ...Array(HEALTH_CHECKS).fill('healthz answered'),
        'live edit relayed',
        'analysis answered',
      ])
    } finally {
      editor.destroy()
      observer.destroy()
    }
  }, 120_000)
})
