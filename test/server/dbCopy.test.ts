import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { readSegments, setStatus, setTargetText, type SegmentView } from '@qalam/shared/model'
import { databaseFile } from '../../server/config.ts'
import { createSqliteGlossaryStore } from '../../server/glossary/index.ts'
import { openSqliteDocumentStore } from '../../server/storage/index.ts'
import { openSqliteTranslationMemoryStore } from '../../server/tm/index.ts'
import { asUser, login, type Session } from '../support/accounts.ts'
import { createTestSchema, hasPostgres, type TestSchema } from '../support/postgres.ts'
import { runCli } from '../support/cliProcess.ts'
import { applyRandomEdit } from '../support/randomEdits.ts'
import { seededRandom } from '../support/seededRandom.ts'
import { connectClient } from '../support/syncClient.ts'
import { makeTempDir, type TempDir } from '../support/tempDir.ts'
import { startTestServer, type TestServer } from '../support/testServer.ts'
import { waitFor } from '../support/waitFor.ts'
import { createWorkspace } from '../support/workspace.ts'
import { SAMPLE_BYTES } from './fixtures.ts'

const root = join(import.meta.dirname, '..', '..')

// Asynchronously: the test's own server keeps answering while the CLI runs.
const cli = (args: string[]) => runCli(args)

/** What a translator's client holds of the document once synced from `server`. */
async function documentState(server: TestServer, documentId: string, who: Session) {
  const client = connectClient(server.url, documentId, await login(server.url, who.user.username))
  try {
    await client.synced()
    return { segments: readSegments(client.doc), stateVector: Y.encodeStateVector(client.doc) }
  } finally {
    client.destroy()
  }
}

describe.skipIf(!hasPostgres)('db copy between SQLite and PostgreSQL', () => {
  let schema: TestSchema
  let original: TestServer
  let backDir: TempDir
  let translator: Session
  let documentId: string
  let segments: SegmentView[]
  let projectId: string
  let xliffId: string

  /** A populated installation: accounts, a project with members, a document edited over the
   * WebSocket (log and compacted snapshots), status changes in the audit log. */
  beforeAll(async () => {
    schema = await createTestSchema('copy')
    backDir = await makeTempDir()
    original = await startTestServer({ compactEveryUpdates: 20 })
    const workspace = await createWorkspace(original)
    projectId = workspace.projectId
    translator = await workspace.member('translator')
    await workspace.member('reviewer')
    documentId = (await workspace.importDocument({ bytes: SAMPLE_BYTES, targetLang: 'kk' })).id
    // An XLIFF import keeps its original file, which the export writes targets back into.
    xliffId = (
      await workspace.importDocument({
        bytes: readFileSync(join(root, 'test/fixtures/xliff/features-2.0.xlf')),
        fileName: 'features.xlf',
      })
    ).id
    const editor = connectClient(original.url, documentId, translator)
    await editor.synced()
    const random = seededRandom(5)
    for (let i = 0; i < 45; i++) applyRandomEdit(editor.doc, random, translator.user.id)
    const first = readSegments(editor.doc)[0]!.id
    setTargetText(editor.doc, first, 'Архив ғимаратқа көшті.', translator.user.id)
    setStatus(editor.doc, first, 'translated', translator.user.id)
    const expected = Y.encodeStateVector(editor.doc)
    await waitFor(async () =>
      expect((await documentState(original, documentId, translator)).stateVector).toEqual(expected),
    )
    editor.destroy()
    await original.close()

    // Closing compacted the log into the snapshot; an update appended since (as a server
    // that died would leave it) gives the copy a log to carry as well.
    const offline: Uint8Array[] = []
    editor.doc.on('update', (update: Uint8Array) => offline.push(update))
    setTargetText(
      editor.doc,
      readSegments(editor.doc)[2]!.id,
      'Журналда қалды.',
      translator.user.id,
    )
    const store = openSqliteDocumentStore(original.databaseFile)
    for (const update of offline) await store.appendUpdate(documentId, update)
    await store.close()
    segments = readSegments(editor.doc)

    // The project's translation memory, with a unit whose inline codes and context travel too.
    const tm = openSqliteTranslationMemoryStore(original.databaseFile)
    const memory = await tm.ensureWriteMemory(projectId, 'Project')
    await tm.addUnits(memory.id, [
      {
        sourceLang: 'ru',
        targetLang: 'kk',
        source: { text: 'Архив переехал.', tags: [{ at: 6, xml: '<ph x="1"/>' }] },
        target: { text: 'Архив көшті.', tags: [{ at: 6, xml: '<ph x="1"/>' }] },
        previousSource: 'Письмо.',
        nextSource: null,
        origin: 'segment',
        documentId,
        segmentId: segments[0]!.id,
        createdBy: translator.user.username,
        createdAt: 1000,
        changedBy: translator.user.username,
        changedAt: 2000,
      },
    ])
    await tm.close()
    const db = new Database(original.databaseFile)
    const glossaries = createSqliteGlossaryStore(db)
    const glossary = await glossaries.create(projectId, 'Архив ісі')
    await glossaries.addEntries(
      glossary.id,
      [{ terms: [{ lang: 'kk', text: 'қор', status: 'preferred', partOfSpeech: 'noun' }] }],
      translator.user.id,
    )
    db.close()
  })
  afterAll(async () => {
    await original.dispose()
    await backDir.remove()
    await schema.drop()
  })

  test('moves a SQLite installation into PostgreSQL, verified, and the copy serves the same document', async () => {
    const run = await cli(['db', 'copy', '--from', original.databaseFile, '--to', schema.url])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/verified: 23 tables, \d+ rows, same counts and hashes/)
    for (const table of [
      'users',
      'project_members',
      'documents',
      'snapshots',
      'updates',
      'audit_log',
      'tm_memories',
      'tm_project_memories',
      'tm_units',
      'original_files',
      'glossaries',
      'glossary_entries',
      'glossary_terms',
    ]) {
      const line = run.stdout.split('\n').find((l) => l.startsWith(`${table} `))
      expect(line).toMatch(/^\S+\s+([1-9]\d*)\s+[0-9a-f]{16}\s+\1\s+[0-9a-f]{16}\s+same$/)
    }

    const copy = await startTestServer({ databaseUrl: schema.url })
    try {
      expect((await documentState(copy, documentId, translator)).segments).toEqual(segments)
      // The copy takes new edits: its sequence counters were moved past the copied log.
      const editor = connectClient(
        copy.url,
        documentId,
        await login(copy.url, translator.user.username),
      )
      await editor.synced()
      setTargetText(editor.doc, segments[1]!.id, 'Көшірмеде жазылды.', translator.user.id)
      const expected = Y.encodeStateVector(editor.doc)
      await waitFor(async () =>
        expect((await documentState(copy, documentId, translator)).stateVector).toEqual(expected),
      )
      segments = readSegments(editor.doc)
      editor.destroy()
      const documents = await fetch(`${copy.url}/api/documents`, {
        headers: asUser(await login(copy.url, 'admin')),
      })
      expect(await documents.json()).toMatchObject({
        documents: expect.arrayContaining([expect.objectContaining({ id: documentId })]),
      })
      const exported = await fetch(`${copy.url}/api/documents/${xliffId}/export?format=xliff20`, {
        headers: asUser(await login(copy.url, 'admin')),
      })
      expect(exported.status).toBe(200)
      expect(await exported.text()).toContain('<xliff')
      const glossaries = await fetch(`${copy.url}/api/projects/${projectId}/glossaries`, {
        headers: asUser(await login(copy.url, 'admin')),
      })
      expect(await glossaries.json()).toMatchObject({
        glossaries: [{ name: 'Архив ісі', entryCount: 1 }],
      })
      const memories = await fetch(`${copy.url}/api/projects/${projectId}/memories`, {
        headers: asUser(await login(copy.url, 'admin')),
      })
      expect(await memories.json()).toMatchObject({ memories: [{ mode: 'write', units: 1 }] })
    } finally {
      await copy.dispose()
    }
  })

  test('refuses to copy into a database that holds data, with one line and exit 2', async () => {
    const run = await cli(['db', 'copy', '--from', original.databaseFile, '--to', schema.url])
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(
      /^db: the destination is not empty: users \(\d+\), .*; pass --overwrite to replace it\n$/,
    )
  })

  test('moves the PostgreSQL installation back into a new SQLite file that serves the same document', async () => {
    const file = databaseFile(backDir.path)
    const run = await cli(['db', 'copy', '--from', schema.url, '--to', file])
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/verified: 23 tables/)

    const copy = await startTestServer({ dataDir: backDir.path })
    try {
      expect((await documentState(copy, documentId, translator)).segments).toEqual(segments)
    } finally {
      await copy.close()
    }
  })

  test('replaces a destination that holds data when asked to', async () => {
    const run = await cli([
      'db',
      'copy',
      '--from',
      original.databaseFile,
      '--to',
      schema.url,
      '--overwrite',
    ])
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/verified: 23 tables/)
  })

  test('refuses bad arguments with one line and exit 2', async () => {
    const missing = await cli(['db', 'copy', '--from', original.databaseFile])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/^db: usage: db migrate \| db copy/)
    const mysql = await cli(['db', 'copy', '--from', original.databaseFile, '--to', 'mysql://db/x'])
    expect(mysql).toMatchObject({
      status: 2,
      stderr: 'db: --to: expected a postgres:// URL or a file path\n',
    })
    const same = await cli([
      'db',
      'copy',
      '--from',
      original.databaseFile,
      '--to',
      original.databaseFile,
    ])
    expect(same).toMatchObject({
      status: 2,
      stderr: 'db: the source and the destination are the same database\n',
    })
    const empty = await cli([
      'db',
      'copy',
      '--from',
      join(backDir.path, 'none.sqlite'),
      '--to',
      schema.url,
    ])
    expect(empty.status).toBe(2)
    expect(empty.stderr).toMatch(/holds no Qalam installation/)
  })
})
