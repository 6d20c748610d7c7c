import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { readSegments, setStatus, setTargetText } from '@qalam/shared/model'
import { asUser, login, type Session } from '../support/accounts.ts'
import { postImport } from '../support/documentsApi.ts'
import { connectClient, type SyncClient } from '../support/syncClient.ts'
import { makeTempDir } from '../support/tempDir.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES, SAMPLE_TEXT } from './fixtures.ts'

let server: TestServer | null = null
const clients: SyncClient[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.dispose()
  server = null
})

interface Summary {
  id: string
  title: string
  sourceLang: string
  targetLang: string
  createdAt: number
  updatedAt: number
  progress: { segments: number; words: number; byStatus: Record<string, number> }
}

async function getJson<T>(
  url: string,
  session: Session | null = null,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { headers: asUser(session) })
  return { status: response.status, body: (await response.json()) as T }
}

function getAs(session: Session) {
  return (url: string) => fetch(url, { headers: asUser(session) })
}

async function setup(overrides: Parameters<typeof startTestServer>[0] = {}) {
  server = await startTestServer(overrides)
  return { server, workspace: await createWorkspace(server) }
}

describe('HTTP API', () => {
  test('answers the health check', async () => {
    server = await startTestServer()
    expect(await getJson(`${server.url}/healthz`)).toEqual({ status: 200, body: { ok: true } })
  })

  test('imports, lists, reads and exports a document, the export equal to the original', async () => {
    const { workspace } = await setup()
    const { admin, projectId } = workspace
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...SAMPLE_BYTES])
    const response = await postImport(server!.url, {
      session: admin,
      projectId,
      bytes: withBom,
      fileName: 'archives-cooperation.txt',
      sourceLang: 'RU',
      targetLang: 'kk-cyrl',
    })
    expect(response.status).toBe(201)
    const created = (await response.json()) as { id: string; segments: number }
    expect(created).toEqual({
      id: expect.any(String),
      title: 'archives-cooperation',
      sourceLang: 'ru',
      targetLang: 'kk-Cyrl',
      segments: 16,
    })

    const list = await getJson<{ documents: Summary[] }>(`${server!.url}/api/documents`, admin)
    expect(list.body.documents).toHaveLength(1)
    const summary = list.body.documents[0]!
    expect(summary).toMatchObject({
      id: created.id,
      title: 'archives-cooperation',
      projectId,
      role: 'admin',
    })
    expect(summary.progress.segments).toBe(16)
    expect(summary.progress.byStatus.new).toBe(16)
    expect(summary.progress.words).toBeGreaterThan(200)

    const one = await getJson<Summary>(`${server!.url}/api/documents/${created.id}`, admin)
    expect(one).toEqual({ status: 200, body: summary })

    const exported = await getAs(admin)(
      `${server!.url}/api/documents/${created.id}/export?format=txt`,
    )
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(exported.headers.get('x-untranslated-segments')).toBe('16')
    expect(exported.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''archives-cooperation.kk-Cyrl.txt`,
    )
    expect(new Uint8Array(await exported.arrayBuffer())).toEqual(SAMPLE_BYTES)
  })

  test('lists documents newest first', async () => {
    const { workspace } = await setup()
    const first = await workspace.importDocument({ bytes: 'Первый. Документ.', title: 'One' })
    const second = await workspace.importDocument({ bytes: 'Второй документ.', title: 'Two' })
    const list = await getJson<{ documents: Summary[] }>(
      `${server!.url}/api/documents`,
      workspace.admin,
    )
    expect(list.body.documents.map((d) => d.id)).toEqual([second.id, first.id])
  })

  test('exports translations in place of their sources and counts the untranslated rest', async () => {
    const { workspace } = await setup()
    const { id } = await workspace.importDocument({
      bytes: SAMPLE_BYTES,
      title: 'Архив',
      targetLang: 'ar',
    })
    const translator = await workspace.member('translator')
    const download = getAs(workspace.admin)
    const client = connectClient(server!.url, id, translator)
    clients.push(client)
    await client.synced()
    const segments = readSegments(client.doc)
    const translations = new Map([
      [0, 'ترجمة العنوان'],
      [3, 'الجملة الرابعة'],
      [7, 'سطر أول\nسطر ثان'],
    ])
    for (const [index, text] of translations) {
      setTargetText(client.doc, segments[index]!.id, text, translator.user.id)
    }
    setStatus(client.doc, segments[9]!.id, 'translated', translator.user.id) // status alone is no translation

    // The expected text, built independently: each translated source replaced where it stands.
    let expected = ''
    let cursor = 0
    for (const [index, text] of [...translations].sort(([a], [b]) => a - b)) {
      const at = SAMPLE_TEXT.indexOf(segments[index]!.source, cursor)
      expected += SAMPLE_TEXT.slice(cursor, at) + text
      cursor = at + segments[index]!.source.length
    }
    expected += SAMPLE_TEXT.slice(cursor)

    await waitFor(async () => {
      const exported = await download(`${server!.url}/api/documents/${id}/export?format=txt`)
      expect(await exported.text()).toBe(expected)
      expect(exported.headers.get('x-untranslated-segments')).toBe('13')
      const disposition = exported.headers.get('content-disposition')!
      expect(disposition).toMatch(/^attachment; filename="[ -~]+"; filename\*=UTF-8''/)
      const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!
      expect(decodeURIComponent(encoded)).toBe('Архив.ar.txt')
    })

    // After the room unloads, the export comes from the store and is the same.
    client.destroy()
    clients.pop()
    await server!.close()
    server = await server!.restart()
    const fromStore = await getAs(await login(server.url, workspace.admin.user.username))(
      `${server.url}/api/documents/${id}/export?format=txt`,
    )
    expect(await fromStore.text()).toBe(expected)
  })

  test('answers 404 for an unknown document, 400 for an unknown export format or one without its original', async () => {
    const { workspace } = await setup()
    const { admin } = workspace
    const { id } = await workspace.importDocument({ bytes: 'Текст.' })
    const missing = await getJson<unknown>(`${server!.url}/api/documents/no-such-id`, admin)
    expect(missing).toEqual({
      status: 404,
      body: { error: { code: 'document.not_found', message: expect.any(String) } },
    })
    const missingExport = await getJson<unknown>(
      `${server!.url}/api/documents/nope/export?format=txt`,
      admin,
    )
    expect(missingExport.status).toBe(404)
    const pdf = await getJson<{ error: { code: string } }>(
      `${server!.url}/api/documents/${id}/export?format=pdf`,
      admin,
    )
    expect(pdf.status).toBe(400)
    expect(pdf.body.error.code).toBe('export.unknown_format')
    // DOCX is written into the Word file a document came from: a text document has none.
    const docx = await getJson<{ error: { code: string } }>(
      `${server!.url}/api/documents/${id}/export?format=docx`,
      admin,
    )
    expect(docx.status).toBe(400)
    expect(docx.body.error.code).toBe('export.no_original')
    const noFormat = await getJson<{ error: { code: string } }>(
      `${server!.url}/api/documents/${id}/export`,
      admin,
    )
    expect(noFormat.status).toBe(400)
    expect(noFormat.body.error.code).toBe('request.invalid')
  })

  test('serves the built client with a fallback to index.html for client routes', async () => {
    const clientDir = await makeTempDir('qalam-client-')
    await mkdir(join(clientDir.path, 'assets'))
    await writeFile(join(clientDir.path, 'index.html'), '<!doctype html><title>Qalam</title>')
    await writeFile(join(clientDir.path, 'assets', 'app.js'), 'console.log("qalam")')
    server = await startTestServer({ clientDir: clientDir.path })
    try {
      for (const path of ['/', '/documents/abc']) {
        const page = await fetch(server.url + path)
        expect(page.status).toBe(200)
        expect(await page.text()).toContain('<title>Qalam</title>')
      }
      const script = await fetch(`${server.url}/assets/app.js`)
      expect(await script.text()).toBe('console.log("qalam")')
      const api = await fetch(`${server.url}/api/unknown`)
      expect(api.status).toBe(404)
      expect(((await api.json()) as { error: { code: string } }).error.code).toBe(
        'request.not_found',
      )
    } finally {
      await clientDir.remove()
    }
  })

  test('says to build the client when there is no build', async () => {
    server = await startTestServer()
    const page = await fetch(`${server.url}/documents/abc`)
    expect(page.status).toBe(503)
    expect(await page.text()).toContain('npm run build')
  })
})
