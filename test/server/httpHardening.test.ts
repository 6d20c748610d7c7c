import { afterAll, beforeAll, expect, test } from 'vitest'
import { databaseFile } from '../../server/config.ts'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { createWorkspace, type Workspace } from '../support/workspace.ts'

let dir: TempDir
let server: ServerProcess
let workspace: Workspace

beforeAll(async () => {
  dir = await makeTempDir('qalam-hardening-')
  server = await spawnServer({ DATA_DIR: dir.path })
  workspace = await createWorkspace({ url: server.url, databaseFile: databaseFile(dir.path) })
})

afterAll(async () => {
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
    headers: {
      cookie: workspace.admin.cookie,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
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
