import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import { readSrx } from '@qalam/shared/segmentation'
import { asUser, type Session } from '../support/accounts.ts'
import { readStoredDocument, storedContent } from '../support/storedDocument.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

const omegatStyle = readFileSync(
  new URL('../fixtures/srx/omegat-style.srx', import.meta.url),
  'utf8',
)
const DATES = 'Архив основан в 1921 г. Он хранит рукописи.\n'

let server: TestServer
let workspace: Workspace
let translator: Session

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server)
  translator = await workspace.member('translator')
})
afterAll(() => server.dispose())

const api = (path: string, session: Session, init: RequestInit = {}) =>
  fetch(`${server.url}/api/projects/${workspace.projectId}/segmentation${path}`, {
    ...init,
    headers: asUser(session, (init.headers as Record<string, string>) ?? {}),
  })
const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

async function importedSources(text: string, sourceLang = 'ru'): Promise<string[]> {
  const { id } = await workspace.importDocument({ bytes: text, sourceLang })
  const doc = readStoredDocument(server.databaseFile, id)
  return readSegments(doc).map((segment) => segment.source)
}

describe('project segmentation rules over HTTP', () => {
  test('an exception a manager adds is applied to the next import', async () => {
    expect(await importedSources(DATES)).toHaveLength(2)
    const added = await api('/exceptions', workspace.admin, json({ lang: 'ru', abbreviation: 'г' }))
    expect(added.status).toBe(201)
    const exception = (await added.json()) as { id: string; isBreak: boolean; beforeBreak: string }
    expect(exception).toMatchObject({ isBreak: false, beforeBreak: '(?<![\\p{L}\\p{N}])г\\.' })
    expect(await importedSources(DATES)).toEqual([DATES.trim()])

    const explained = await api('/explain', translator, json({ lang: 'ru', text: DATES }))
    const body = (await explained.json()) as { decisions: { at: number; rule: string }[] }
    expect(body.decisions).toContainEqual({
      at: 23,
      isBreak: false,
      rule: 'exception',
      detail: 'exception #1',
    })

    expect(
      (await api(`/exceptions/${exception.id}`, workspace.admin, { method: 'DELETE' })).status,
    ).toBe(204)
    expect(await importedSources(DATES)).toHaveLength(2)
  })

  test('an imported SRX file segments imports as its rules say, and exports back', async () => {
    const put = await api('/srx', workspace.admin, { method: 'PUT', body: omegatStyle })
    expect(put.status).toBe(200)
    expect(await put.json()).toEqual({ languageRules: ['Russian', 'English', 'Default'], rules: 9 })
    expect(await importedSources('Он приехал в г. Тверь. Там жил; там умер.')).toEqual([
      'Он приехал в г. Тверь.',
      'Там жил;',
      'там умер.',
    ])
    const settings = (await (await api('', translator)).json()) as {
      srx: { languageRules: unknown[] }
    }
    expect(settings.srx.languageRules).toHaveLength(3)

    const exported = await api('/srx', translator)
    expect(exported.headers.get('content-type')).toMatch(/application\/xml/)
    expect(exported.headers.get('content-disposition')).toMatch(/segmentation\.srx/)
    expect(readSrx(await exported.text()).languageRules.map((rule) => rule.name)).toEqual([
      'Russian',
      'English',
      'Default',
    ])

    expect((await api('/srx', workspace.admin, { method: 'DELETE' })).status).toBe(204)
    const builtin = readSrx(await (await api('/srx', translator)).text())
    expect(builtin.languageRules.map((rule) => rule.name)).toContain('kk')
  })

  test('refuses bad SRX and bad exceptions with a clear 4xx and stores nothing', async () => {
    const before = storedContent(server.databaseFile)
    const cases: [string, RequestInit, number, string][] = [
      ['/srx', { method: 'PUT', body: '<srx version="2.0"><body>' }, 400, 'srx.not_xml'],
      ['/srx', { method: 'PUT', body: '<srx version="2.0"/>' }, 400, 'srx.invalid'],
      [
        '/srx',
        { method: 'PUT', body: omegatStyle.replace('\\bг\\.', '(г\\.') },
        400,
        'srx.bad_regex',
      ],
      [
        '/srx',
        { method: 'PUT', body: `<srx>${' '.repeat(1_000_100)}</srx>` },
        413,
        'request.too_large',
      ],
      [
        '/exceptions',
        json({ lang: 'ru', isBreak: false, beforeBreak: '[a', afterBreak: '' }),
        400,
        'srx.bad_regex',
      ],
      [
        '/exceptions',
        json({ lang: 'xx-not-a-language!', abbreviation: 'г' }),
        400,
        'import.unknown_language',
      ],
      ['/exceptions', json({ lang: 'ru' }), 400, 'request.invalid'],
      ['/explain', json({ lang: 'ru' }), 400, 'request.invalid'],
    ]
    for (const [path, init, status, code] of cases) {
      const response = await api(path, workspace.admin, init)
      expect([path, response.status]).toEqual([path, status])
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code)
    }
    const missing = await api('/exceptions/nope', workspace.admin, { method: 'DELETE' })
    expect(missing.status).toBe(404)
    expect(storedContent(server.databaseFile)).toEqual(before)
  })

  test('only managers change the rules; members may read and explain them', async () => {
    const attempts: [string, RequestInit][] = [
      ['/srx', { method: 'PUT', body: omegatStyle }],
      ['/srx', { method: 'DELETE' }],
      ['/exceptions', json({ lang: 'ru', abbreviation: 'г' })],
    ]
    for (const [path, init] of attempts) {
      expect((await api(path, translator, init)).status).toBe(403)
    }
    expect((await api('', translator)).status).toBe(200)
    const outsider = await fetch(`${server.url}/api/projects/nope/segmentation`, {
      headers: asUser(translator),
    })
    expect(outsider.status).toBe(404)
  })
})
