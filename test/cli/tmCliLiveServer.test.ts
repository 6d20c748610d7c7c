import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { readSegments } from '@qalam/shared/model'
import { databaseFile } from '../../server/config.ts'
import { asUser, type Session } from '../support/accounts.ts'
import { runCli } from '../support/cliProcess.ts'
import { spawnServer, type ServerProcess } from '../support/serverProcess.ts'
import { connectClient } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'

/*
 * A running server's in-memory index learns of units another process wrote: a CLI import
 * beside it, after the server had built the index on a first lookup.
 */

const SOURCE = 'Фонд передан в архив в 1998 году.'
const TARGET = 'Қор 1998 жылы мұрағатқа берілді.'
const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ru" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/><body>
<tu><tuv xml:lang="ru"><seg>${SOURCE}</seg></tuv><tuv xml:lang="kk"><seg>${TARGET}</seg></tuv></tu>
</body></tmx>
`

let dir: TempDir
let server: ServerProcess | null = null

beforeAll(async () => {
  dir = await makeTempDir('qalam-tm-live-')
})

afterAll(async () => {
  await server?.stop()
  await dir?.remove()
})

async function runTmCli(args: string[]): Promise<{ status: number | null; output: string }> {
  const run = await runCli(args, { env: { DATA_DIR: dir.path } })
  return { status: run.status, output: run.stdout + run.stderr }
}

test('units imported by the CLI reach the matches and concordance of a running server', async () => {
  server = await spawnServer({ DATA_DIR: dir.path })
  const { url } = server
  const workspace = await createWorkspace({ url, databaseFile: databaseFile(dir.path) })
  const { id: documentId } = await workspace.importDocument({ bytes: SOURCE, targetLang: 'kk' })
  const reader: Session = await workspace.member('translator')
  const client = connectClient(url, documentId, reader)
  await client.synced()
  const segmentId = readSegments(client.doc)[0]!.id
  client.destroy()

  const matches = async () => {
    const response = await fetch(
      `${url}/api/documents/${documentId}/matches?segment=${encodeURIComponent(segmentId)}`,
      { headers: asUser(reader) },
    )
    expect(response.status).toBe(200)
    return ((await response.json()) as { matches: Array<{ percent: number; target: string }> })
      .matches
  }
  // The first lookup builds the server's index of the (empty) write memory.
  expect(await matches()).toEqual([])

  const file = join(dir.path, 'fonds.tmx')
  writeFileSync(file, TMX)
  const imported = await runTmCli([
    'tm',
    'import',
    file,
    '--project',
    workspace.projectId,
    '--source',
    'ru',
    '--target',
    'kk',
  ])
  expect(imported.output).toContain('1 added')
  expect(imported.status).toBe(0)

  await waitFor(async () => {
    const found = await matches()
    expect(found.map((match) => [match.percent, match.target])).toEqual([[100, TARGET]])
  })
  const concordance = await fetch(
    `${url}/api/documents/${documentId}/concordance?q=${encodeURIComponent('мұрағат')}&side=target`,
    { headers: asUser(reader) },
  )
  const body = (await concordance.json()) as { hits: Array<{ target: string }> }
  expect(body.hits.map((hit) => hit.target)).toEqual([TARGET])
})
