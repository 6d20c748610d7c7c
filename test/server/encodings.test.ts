import Database from 'better-sqlite3'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readSegments, setTargetText } from '@qalam/shared/model'
import { asUser } from '../support/accounts.ts'
import { connectClient } from '../support/syncClient.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

let server: TestServer
let workspace: Workspace

beforeAll(async () => {
  server = await startTestServer()
  workspace = await createWorkspace(server, 'Legacy')
}, 60_000)

afterAll(async () => {
  await server?.dispose()
})

const RUSSIAN = 'Архив открыт для читателей.\nКаталог обновлён в этом году.\n'
const ARABIC = 'تحفظ المكتبة المخطوطات القديمة.\nبدأ الفريق فهرستها.\n'

function form(bytes: Uint8Array, fields: Record<string, string> = {}): FormData {
  const body = new FormData()
  body.append('projectId', workspace.projectId)
  for (const [key, value] of Object.entries(fields)) body.append(key, value)
  body.append('file', new Blob([new Uint8Array(bytes)]), 'legacy.txt')
  return body
}

async function post(path: string, body: FormData) {
  const response = await fetch(server.url + path, {
    method: 'POST',
    body,
    headers: asUser(workspace.admin),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

function documentCount(): number {
  const db = new Database(server.databaseFile, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n
  } finally {
    db.close()
  }
}

const encoded = (text: string, encoding: string, addBOM = false) =>
  new Uint8Array(iconv.encode(text, encoding, { addBOM }))

describe('previewing a file in a legacy encoding', () => {
  test.each([
    ['windows-1251', RUSSIAN, false],
    ['koi8-r', RUSSIAN, false],
    ['windows-1256', ARABIC, false],
    ['utf-16le', RUSSIAN, true],
    ['utf-16be', ARABIC, false],
  ] as const)(
    'detects %s and shows the first lines, storing nothing',
    async (encoding, text, bom) => {
      const before = documentCount()
      const { status, body } = await post(
        '/api/documents/preview',
        form(encoded(text, encoding, bom)),
      )
      expect(status).toBe(200)
      expect(body).toMatchObject({ encoding, lines: text.trim().split('\n') })
      expect(documentCount()).toBe(before)
    },
  )

  test('shows the file in the encoding the user picks instead', async () => {
    const bytes = encoded(RUSSIAN, 'koi8-r')
    const { body } = await post('/api/documents/preview', form(bytes, { encoding: 'windows-1251' }))
    expect(body.encoding).toBe('windows-1251')
    expect((body.lines as string[])[0]).not.toContain('Архив')
  })

  test('refuses an unknown encoding and a file that is not valid in the chosen one with 400', async () => {
    const bytes = encoded(RUSSIAN, 'windows-1251')
    const unknown = await post('/api/documents/preview', form(bytes, { encoding: 'ebcdic' }))
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'request.invalid' } } })
    const invalid = await post(
      '/api/documents',
      form(bytes, { sourceLang: 'ru', targetLang: 'kk', encoding: 'utf-8' }),
    )
    expect(invalid).toMatchObject({ status: 400, body: { error: { code: 'import.not_utf8' } } })
    const odd = await post(
      '/api/documents',
      form(new Uint8Array([0x41, 0x00, 0x42]), {
        sourceLang: 'ru',
        targetLang: 'kk',
        encoding: 'utf-16le',
      }),
    )
    expect(odd).toMatchObject({ status: 400, body: { error: { code: 'import.undecodable' } } })
  })
})

describe('importing and exporting in a legacy encoding', () => {
  test('a windows-1251 file imports with its encoding and exports in UTF-8 or in windows-1251', async () => {
    const bytes = encoded(RUSSIAN, 'windows-1251')
    const created = await post(
      '/api/documents',
      form(bytes, { sourceLang: 'ru', targetLang: 'en', encoding: 'windows-1251' }),
    )
    expect(created.status).toBe(201)
    const id = created.body.id as string
    const exportOf = (query: string) =>
      fetch(`${server.url}/api/documents/${id}/export?format=txt${query}`, {
        headers: asUser(workspace.admin),
      })

    const utf8 = await exportOf('')
    expect(utf8.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await utf8.text()).toBe(RUSSIAN)
    const original = await exportOf('&encoding=original')
    expect(original.headers.get('content-type')).toBe('text/plain; charset=windows-1251')
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(bytes)
  })

  test('a UTF-16 file with its byte-order mark comes back byte for byte in its original encoding', async () => {
    const bytes = encoded(ARABIC, 'utf-16le', true)
    const created = await post(
      '/api/documents',
      form(bytes, { sourceLang: 'ar', targetLang: 'kk', encoding: 'utf-16le' }),
    )
    expect(created.status).toBe(201)
    const original = await fetch(
      `${server.url}/api/documents/${created.body.id as string}/export?format=txt&encoding=original`,
      { headers: asUser(workspace.admin) },
    )
    expect(original.headers.get('content-type')).toBe('text/plain; charset=utf-16le')
    expect(new Uint8Array(await original.arrayBuffer())).toEqual(bytes)
  })

  test('an export in an encoding that lacks characters of the translation lists them with 422', async () => {
    const bytes = encoded(RUSSIAN, 'windows-1251')
    const created = await post(
      '/api/documents',
      form(bytes, { sourceLang: 'ru', targetLang: 'kk', encoding: 'windows-1251' }),
    )
    const id = created.body.id as string
    const client = connectClient(server.url, id, workspace.admin)
    await client.synced()
    const first = readSegments(client.doc)[0]!.id
    setTargetText(client.doc, first, 'Мұрағат оқырмандарға ашық.', workspace.admin.user.id)
    const url = `${server.url}/api/documents/${id}/export?format=txt&encoding=original`
    await waitFor(async () => {
      const refused = await fetch(url, { headers: asUser(workspace.admin) })
      expect(refused.status).toBe(422)
      expect(await refused.json()).toMatchObject({
        error: {
          code: 'export.unrepresentable',
          detail: {
            encoding: 'windows-1251',
            count: 3,
            examples: ['ұ', 'ғ', 'қ'],
            characters: [
              { character: 'ұ', codePoint: 'U+04B1', segments: [1], segmentCount: 1 },
              { character: 'ғ', codePoint: 'U+0493', segments: [1], segmentCount: 1 },
              { character: 'қ', codePoint: 'U+049B', segments: [1], segmentCount: 1 },
            ],
          },
        },
      })
    })
    client.destroy()
    const utf8 = await fetch(url.replace('original', 'utf-8'), { headers: asUser(workspace.admin) })
    expect(await utf8.text()).toContain('Мұрағат')
  })
})

describe('aligning files in legacy encodings', () => {
  const SOURCE = 'Архив открыт для читателей. Каталог обновлён в этом году.\n'
  const TARGET = 'الأرشيف مفتوح للقراء. وقد حُدّث الفهرس هذا العام.\n'

  function alignmentForm(fields: Record<string, string>): FormData {
    const body = new FormData()
    body.append('projectId', workspace.projectId)
    body.append('sourceLang', 'ru')
    body.append('targetLang', 'ar')
    for (const [key, value] of Object.entries(fields)) body.append(key, value)
    body.append('source', new Blob([encoded(SOURCE, 'windows-1251')]), 'archive.ru.txt')
    body.append('target', new Blob([encoded(TARGET, 'windows-1256')]), 'archive.ar.txt')
    return body
  }

  test('each side is read in the encoding named for it, and the document remembers the source’s', async () => {
    const before = documentCount()
    const unnamed = await post('/api/alignments', alignmentForm({}))
    expect(unnamed).toMatchObject({ status: 400, body: { error: { code: 'import.not_utf8' } } })
    const { status, body } = await post(
      '/api/alignments',
      alignmentForm({ sourceEncoding: 'windows-1251', targetEncoding: 'windows-1256' }),
    )
    expect(status).toBe(200)
    expect(body).toMatchObject({ sourceEncoding: 'windows-1251' })
    const source = body.source as { sentences: string[]; gaps: string[]; trailing: string }
    const target = body.target as { sentences: string[] }
    expect(source.sentences).toEqual([
      'Архив открыт для читателей.',
      'Каталог обновлён в этом году.',
    ])
    expect(target.sentences).toEqual(['الأرشيف مفتوح للقراء.', 'وقد حُدّث الفهرس هذا العام.'])
    expect(documentCount()).toBe(before)

    const confirmed = await fetch(`${server.url}/api/alignments/confirm`, {
      method: 'POST',
      headers: asUser(workspace.admin, { 'content-type': 'application/json' }),
      body: JSON.stringify({
        projectId: workspace.projectId,
        title: 'Архив',
        sourceLang: 'ru',
        targetLang: 'ar',
        pairs: source.sentences.map((sentence, index) => ({
          source: sentence,
          target: target.sentences[index],
          paragraph: 0,
          before: source.gaps[index],
        })),
        trailing: source.trailing,
        sourceEncoding: body.sourceEncoding,
      }),
    })
    expect(confirmed.status).toBe(201)
    const { id } = (await confirmed.json()) as { id: string }
    // The Arabic translation does not fit the Russian code page: the report says so.
    const original = await fetch(
      `${server.url}/api/documents/${id}/export?format=txt&encoding=original`,
      { headers: asUser(workspace.admin) },
    )
    expect(original.status).toBe(422)
    expect(await original.json()).toMatchObject({ error: { detail: { encoding: 'windows-1251' } } })
    const arabic = await fetch(
      `${server.url}/api/documents/${id}/export?format=txt&encoding=windows-1256`,
      { headers: asUser(workspace.admin) },
    )
    expect(new Uint8Array(await arabic.arrayBuffer())).toEqual(encoded(TARGET, 'windows-1256'))
  })
})
