import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { databaseFile } from '../../server/config.ts'
import { REQUEST_HEADER } from '@qalam/shared/api'
import { asUser } from '../support/accounts.ts'
import { openRawConnection, type RawConnection } from '../support/rawHttp.ts'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { startTestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

let dir: TempDir
let server: ServerProcess
let workspace: Workspace

beforeAll(async () => {
  dir = await makeTempDir('qalam-hardening-')
  server = await spawnServer({
    DATA_DIR: dir.path,
    HEADERS_TIMEOUT_MS: 1000,
    REQUEST_TIMEOUT_MS: 2000,
  })
  workspace = await createWorkspace({ url: server.url, databaseFile: databaseFile(dir.path) })
})

const raw: RawConnection[] = []

afterAll(async () => {
  for (const connection of raw.splice(0)) connection.destroy()
  await server?.stop()
  await dir?.remove()
})

const BOUNDARY = '----qalam-truncated'

/** A multipart body with `parts`, cut `cut` bytes before its closing boundary ends. */
function truncatedForm(parts: Array<{ name: string; file?: string; value: string }>): Uint8Array {
  const body = parts
    .map(({ name, file, value }) => {
      const disposition = file
        ? `form-data; name="${name}"; filename="${file}"\r\nContent-Type: text/plain`
        : `form-data; name="${name}"`
      return `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n${value}\r\n`
    })
    .join('')
  // No closing `--BOUNDARY--`, and the last part's value stops mid-way.
  return new TextEncoder().encode(body.slice(0, body.length - 6))
}

async function postTruncated(path: string, body: Uint8Array): Promise<Response> {
  return fetch(server.url + path, {
    method: 'POST',
    headers: asUser(workspace.admin, {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    }),
    body: new Blob([new Uint8Array(body)]),
  })
}

async function isUp(): Promise<boolean> {
  const response = await fetch(`${server.url}/healthz`)
  return response.status === 200 && server.child.exitCode === null
}

test.each([
  ['/api/documents', 'a kept file', [{ name: 'file', file: 'a.txt', value: 'Текст. '.repeat(50) }]],
  [
    '/api/documents',
    'a skipped file',
    [{ name: 'ignored', file: 'b.txt', value: 'Текст. '.repeat(50) }],
  ],
  [
    '/api/alignments',
    'the second of two files',
    [
      { name: 'source', file: 'a.txt', value: 'Текст.' },
      { name: 'target', file: 'b.txt', value: 'Мәтін. '.repeat(50) },
    ],
  ],
  ['/api/alignments', 'a field', [{ name: 'projectId', value: 'abcdefghijklmnop' }]],
])(
  'a multipart body to %s that ends inside %s answers 400 and the server stays up',
  async (path, _where, parts) => {
    const response = await postTruncated(path, truncatedForm(parts))
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'request.invalid' } })
    expect(await isUp()).toBe(true)
  },
)

async function rawConnection(port = server.port): Promise<RawConnection> {
  const connection = await openRawConnection(port)
  raw.push(connection)
  return connection
}

describe('web hardening', () => {
  test('every response carries a CSP without inline scripts, nosniff, no framing and no referrer', async () => {
    for (const path of ['/healthz', '/api/session', '/documents/abc']) {
      const response = await fetch(server.url + path)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toContain("frame-ancestors 'none'")
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  test('a malformed percent-encoded path answers 400, on the API and on client routes', async () => {
    for (const path of ['/api/documents/%E0%A4%A', '/api/projects/%zz/members', '/documents/%']) {
      const response = await fetch(server.url + path, {
        headers: { cookie: workspace.admin.cookie },
      })
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ error: { code: 'request.invalid' } })
    }
    expect(await isUp()).toBe(true)
  })

  test('/readyz fails while another process holds the database locked, and recovers after', async () => {
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
    const other = new Database(databaseFile(dir.path))
    try {
      other.exec('BEGIN IMMEDIATE')
      const locked = await fetch(`${server.url}/readyz`)
      expect(locked.status).toBe(503)
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
      other.exec('ROLLBACK')
    } finally {
      other.close()
    }
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  })

  test('an anonymous 42 MB JSON body is refused with 401 before it has been sent', async () => {
    const connection = await rawConnection()
    connection.write(
      'POST /api/alignments/confirm HTTP/1.1\r\nHost: localhost\r\n' +
        `Content-Type: application/json\r\nContent-Length: ${42 * 1024 * 1024}\r\n\r\n` +
        '{"pairs":[',
    )
    // Only the headers and ten bytes were sent: an answer now means nothing waited for the rest.
    await waitFor(() => expect(connection.received()).toMatch(/^HTTP\/1\.1 401/), {
      timeoutMs: 1500,
    })
    expect(connection.received()).toContain('auth.required')
  })

  test('a request whose headers never finish is answered 408 and closed', async () => {
    const connection = await rawConnection()
    connection.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ')
    await waitFor(() => expect(connection.isClosed()).toBe(true), { timeoutMs: 5000 })
    expect(connection.received()).toMatch(/^HTTP\/1\.1 408/)
  })

  test('a request whose body never finishes is closed', async () => {
    const connection = await rawConnection()
    connection.write(
      'POST /api/session HTTP/1.1\r\nHost: localhost\r\n' +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"user',
    )
    await waitFor(() => expect(connection.isClosed()).toBe(true), { timeoutMs: 6000 })
    expect(await isUp()).toBe(true)
  })
})

test('connections past MAX_CONNECTIONS are dropped, and accepted again once one closes', async () => {
  const capped = await startTestServer({ maxConnections: 3 })
  try {
    const held = await Promise.all([1, 2, 3].map(() => rawConnection(capped.port)))
    await waitFor(async () => {
      const extra = await rawConnection(capped.port)
      await extra.closed
      expect(extra.received()).toBe('')
    })
    held[0]!.destroy()
    await waitFor(async () => expect((await fetch(`${capped.url}/healthz`)).status).toBe(200))
  } finally {
    await capped.dispose()
  }
})

describe('cross-site requests', () => {
  async function documentCount(): Promise<number> {
    const response = await fetch(`${server.url}/api/documents`, {
      headers: asUser(workspace.admin),
    })
    return ((await response.json()) as { documents: unknown[] }).documents.length
  }

  /** The import form as a page elsewhere would post it: a plain form, the victim's cookie. */
  function foreignImport(headers: Record<string, string>): Promise<Response> {
    const form = new FormData()
    form.append('projectId', workspace.projectId)
    form.append('sourceLang', 'ru')
    form.append('targetLang', 'kk')
    form.append('file', new Blob(['Подложный текст.']), 'forged.txt')
    return fetch(`${server.url}/api/documents`, {
      method: 'POST',
      body: form,
      headers: { cookie: workspace.admin.cookie, ...headers },
    })
  }

  const otherPort = () => `http://127.0.0.1:${server.port + 1}`

  test.each([
    [
      'a no-cors form post from another port of the same host',
      () => ({ origin: otherPort(), 'sec-fetch-site': 'same-site' }),
    ],
    ['a form post from a sandboxed frame (Origin: null)', () => ({ origin: 'null' })],
    ['a form post that only says it is cross-site', () => ({ 'sec-fetch-site': 'cross-site' })],
    ['a form post from a browser that sends neither Origin nor Sec-Fetch-Site', () => ({})],
  ])('%s creates no document as the signed-in administrator', async (_case, headers) => {
    const before = await documentCount()
    const response = await foreignImport(headers())
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: { code: 'request.cross_site' } })
    expect(await documentCount()).toBe(before)
  })

  test('a JSON request from another origin is refused even with the client header', async () => {
    const response = await fetch(`${server.url}/api/projects`, {
      method: 'POST',
      headers: asUser(workspace.admin, { 'content-type': 'application/json', origin: otherPort() }),
      body: JSON.stringify({ name: 'Forged' }),
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: { code: 'request.cross_site' } })
  })

  test('our own page, with its Origin, Sec-Fetch-Site and header, imports as before', async () => {
    const before = await documentCount()
    const response = await foreignImport({
      origin: server.url,
      'sec-fetch-site': 'same-origin',
      [REQUEST_HEADER]: '1',
    })
    expect(response.status).toBe(201)
    expect(await documentCount()).toBe(before + 1)
  })
})
