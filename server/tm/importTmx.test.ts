import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { TmxError } from '@qalam/shared/formats'
import { generateTmx, generateTmxBytes } from '../../test/support/generateTmx.ts'
import { storedTmRows } from '../../test/support/storedTmRows.ts'
import { makeTempDir, type TempDir } from '../../test/support/tempDir.ts'
import { exportTmx } from './exportTmx.ts'
import { importTmx, type ImportTmxOptions } from './importTmx.ts'
import { openSqliteTranslationMemoryStore } from './sqlite/SqliteTranslationMemoryStore.ts'
import type { StoredUnit, TranslationMemoryStore } from './TranslationMemoryStore.ts'

let dir: TempDir
let file: string
let store: TranslationMemoryStore

beforeEach(async () => {
  dir = await makeTempDir()
  file = join(dir.path, 'qalam.sqlite')
  store = openSqliteTranslationMemoryStore(file)
})
afterEach(async () => {
  await store.close()
  await dir.remove()
})

async function* bytesOf(text: string, chunk = 1 << 16): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk)
}

function run(
  memoryId: string,
  input: AsyncIterable<Uint8Array>,
  extra: Partial<ImportTmxOptions> = {},
) {
  return importTmx({
    store,
    memoryId,
    input,
    sourceLang: 'ru',
    targetLang: 'kk',
    fallbackAuthor: 'importer',
    now: 5,
    ...extra,
  })
}

async function allUnits(memoryId: string): Promise<StoredUnit[]> {
  return store.listUnits(memoryId, { afterId: 0, limit: 1_000_000 })
}

const FILE = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="ru-RU" creationid="HEADER" o-tmf="x" segtype="sentence" adminlang="en" datatype="plaintext" creationtool="t" creationtoolversion="1"/>
<body>
<tu creationid="AIGUL" creationdate="20240131T093000Z"><prop type="prev">До.</prop>
  <tuv xml:lang="ru-RU"><seg>Нажмите <bpt i="1">&lt;b&gt;</bpt>Сохранить<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
  <tuv xml:lang="kk-Cyrl-KZ" changeid="MARAT" changedate="20240201T120000Z"><seg><bpt i="1">&lt;b&gt;</bpt>Сақтау<ept i="1">&lt;/b&gt;</ept> түймесін басыңыз.</seg></tuv>
  <tuv xml:lang="ar-SA"><seg>اضغط حفظ.</seg></tuv>
</tu>
<tu><tuv xml:lang="ru"><seg>Только русский.</seg></tuv><tuv xml:lang="ar"><seg>عربي فقط.</seg></tuv></tu>
<tu><tuv xml:lang="kk"><seg>Тек қазақша.</seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Пусто.</seg></tuv><tuv xml:lang="KK-kz"><seg>  </seg></tuv></tu>
<tu><tuv xml:lang="ru"><seg>Второй.</seg></tuv><tuv xml:lang="kk-KZ"><seg>Екінші.</seg></tuv></tu>
</body></tmx>
`

test('imports the units in the chosen languages, mapping variants and counting what it skipped and why', async () => {
  const memory = await store.createMemory('p1', 'M')
  const summary = await run(memory.id, bytesOf(FILE, 50))
  expect(summary).toMatchObject({
    unitsRead: 5,
    added: 2,
    updated: 0,
    skipped: { no_source: 1, no_target: 1, empty: 1, too_long: 0 },
    headerSourceLang: 'ru-RU',
  })
  const [first, second] = await allUnits(memory.id)
  expect(first).toMatchObject({
    sourceLang: 'ru',
    targetLang: 'kk',
    source: { text: 'Нажмите Сохранить.', tags: [{ at: 8 }, { at: 17 }] },
    target: { text: 'Сақтау түймесін басыңыз.', tags: [{ at: 0 }, { at: 6 }] },
    previousSource: 'До.',
    origin: 'tmx',
    createdBy: 'AIGUL',
    createdAt: Date.UTC(2024, 0, 31, 9, 30),
    changedBy: 'MARAT',
    changedAt: Date.UTC(2024, 1, 1, 12),
  })
  expect(second).toMatchObject({ createdBy: 'HEADER', createdAt: 5, changedAt: 5 })
})

test('import, export, import again gives the same units', async () => {
  const first = await store.createMemory('p1', 'First')
  await run(first.id, generateTmxBytes(500))
  await store.addUnits(first.id, [
    {
      sourceLang: 'ru',
      targetLang: 'kk',
      source: { text: 'Из сегмента & <тег>.', tags: [] },
      target: { text: 'Сегменттен.', tags: [] },
      previousSource: 'Предыдущее.',
      nextSource: 'Следующее.',
      origin: 'segment',
      documentId: 'd1',
      segmentId: 's1',
      createdBy: 'aigul',
      createdAt: 1_700_000_000_000,
      changedBy: 'aigul',
      changedAt: 1_700_000_000_000,
    },
  ])
  let exported = ''
  for await (const piece of exportTmx(store, first.id)) exported += piece
  const second = await store.createMemory('p1', 'Second')
  const summary = await run(second.id, bytesOf(exported, 4096))
  expect(summary).toMatchObject({ unitsRead: 501, added: 501 })
  const comparable = (units: StoredUnit[]) =>
    units.map(
      ({
        id: _id,
        memoryId: _memory,
        origin: _origin,
        documentId: _doc,
        segmentId: _segment,
        ...rest
      }) => rest,
    )
  const original = await allUnits(first.id)
  expect(original.filter((unit) => unit.source.tags.length > 0).length).toBeGreaterThan(50)
  expect(comparable(await allUnits(second.id))).toEqual(comparable(original))
})

test('a file refused after thousands of good units stores none of them', async () => {
  const memory = await store.createMemory('p1', 'M')
  await run(memory.id, bytesOf(FILE))
  const before = await allUnits(memory.id)
  const good = [...generateTmx(5000)].join('').replace('</body>\n</tmx>\n', '')
  const broken = `${good}<tu><tuv xml:lang="ru"><seg>обрыв</tuv></tu></body></tmx>`
  const error = await run(memory.id, bytesOf(broken), { batchSize: 500 }).catch(
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(TmxError)
  expect(error).toMatchObject({ code: 'tmx.not_xml', line: 5005 })
  expect(await allUnits(memory.id)).toEqual(before)
  expect(storedTmRows(file)).toEqual({ units: before.length, staged: 0 })
})

test('an input that fails midway stores nothing', async () => {
  const memory = await store.createMemory('p1', 'M')
  async function* failing() {
    let sent = 0
    for await (const chunk of generateTmxBytes(5000)) {
      yield chunk
      if (++sent === 5) throw new Error('connection reset')
    }
  }
  await expect(run(memory.id, failing(), { batchSize: 100 })).rejects.toThrow('connection reset')
  expect(storedTmRows(file)).toEqual({ units: 0, staged: 0 })
})

test(
  'streams 200,000 units holding no more than a batch and a chunk of them at once',
  { timeout: 300_000 },
  async () => {
    const memory = await store.createMemory('p1', 'M')
    let reports = 0
    const summary = await run(memory.id, generateTmxBytes(200_000), {
      onProgress: () => reports++,
    })
    expect(summary).toMatchObject({ unitsRead: 200_000, added: 200_000 })
    // A 64 KB chunk holds about 150 generated units; a batch is 1,000.
    expect(summary.peakBufferedUnits).toBeLessThanOrEqual(1200)
    expect(reports).toBeGreaterThan(1000)
    expect((await store.stats(memory.id)).units).toBe(200_000)
  },
)

/** Bytes of `text` with a pause after `pauseAfter` chunks until `resume` settles. */
async function* pausing(text: string, pauseAfter: number, atPause: () => Promise<void>) {
  let sent = 0
  for await (const chunk of bytesOf(text, 1 << 14)) {
    yield chunk
    if (++sent === pauseAfter) await atPause()
  }
}

test('another process writes a unit while a large import runs; the import shows only once committed, and a broken end leaves nothing', async () => {
  const memory = await store.createMemory('p1', 'M')
  // A second handle on the same file, as a server beside a CLI import.
  const other = openSqliteTranslationMemoryStore(file)
  try {
    const approved = {
      sourceLang: 'ru',
      targetLang: 'kk',
      source: { text: 'Утверждено во время импорта.', tags: [] },
      target: { text: 'Импорт кезінде бекітілді.', tags: [] },
      previousSource: null,
      nextSource: null,
      origin: 'segment' as const,
      documentId: 'd1',
      segmentId: 's1',
      createdBy: 'saule',
      createdAt: 7,
      changedBy: 'saule',
      changedAt: 7,
    }
    const seenDuringImport: number[] = []
    const good = [...generateTmx(4000)].join('')
    const summary = await run(
      memory.id,
      pausing(good, 20, async () => {
        // Batches of the import are already written; the other write neither waits for the
        // import nor sees its units.
        await other.addUnits(memory.id, [approved])
        seenDuringImport.push((await other.stats(memory.id)).units)
      }),
      { batchSize: 200 },
    )
    expect(seenDuringImport).toEqual([1])
    expect(summary).toMatchObject({ unitsRead: 4000, added: 4000 })
    expect((await other.stats(memory.id)).units).toBe(4001)

    const broken = good.replace('</body>\n</tmx>\n', '<tu><tuv xml:lang="ru"><seg>обрыв</tuv>')
    const second = await store.createMemory('p1', 'N')
    const error = await run(
      second.id,
      pausing(broken, 20, async () => {
        await other.addUnits(second.id, [approved])
      }),
      { batchSize: 200 },
    ).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TmxError)
    // Only the write made beside the import is left, in the memory and on disk.
    expect((await other.listUnits(second.id, { afterId: 0, limit: 10 })).length).toBe(1)
    expect(storedTmRows(file)).toEqual({ units: 4001 + 1, staged: 0 })
  } finally {
    await other.close()
  }
})
