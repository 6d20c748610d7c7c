import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { NewUnit, TranslationMemoryStore } from './TranslationMemoryStore.ts'

/** Opens stores over one underlying database; `open` again after `close` sees the same data. */
export interface TranslationMemoryHarness {
  open(): Promise<TranslationMemoryStore>
  dispose(): Promise<void>
}

/** A ru→kk unit from a TMX file by aigul, for tests. */
export function unit(source: string, target: string, overrides: Partial<NewUnit> = {}): NewUnit {
  return {
    sourceLang: 'ru',
    targetLang: 'kk',
    source: { text: source, tags: [] },
    target: { text: target, tags: [] },
    previousSource: null,
    nextSource: null,
    origin: 'tmx',
    documentId: null,
    segmentId: null,
    createdBy: 'aigul',
    createdAt: 1000,
    changedBy: 'aigul',
    changedAt: 1000,
    ...overrides,
  }
}

/** The behaviour every TranslationMemoryStore adapter must have. */
export function describeTranslationMemoryStore(
  name: string,
  createHarness: () => Promise<TranslationMemoryHarness>,
) {
  describe(`TranslationMemoryStore: ${name}`, () => {
    let harness: TranslationMemoryHarness
    let store: TranslationMemoryStore

    beforeEach(async () => {
      harness = await createHarness()
      store = await harness.open()
    })
    afterEach(async () => {
      await store.close()
      await harness.dispose()
    })

    test('a project’s first memory is its write memory, later ones are read memories', async () => {
      const first = await store.createMemory('p1', 'Library')
      const second = await store.createMemory('p1', 'Archive')
      expect(await store.listProjectMemories('p1')).toMatchObject([
        { id: first.id, mode: 'write', projectId: 'p1', units: 0 },
        { id: second.id, mode: 'read' },
      ])
      expect(await store.ensureWriteMemory('p1', 'ignored')).toEqual(first)
    })

    test('ensureWriteMemory creates the write memory once', async () => {
      const made = await store.ensureWriteMemory('p1', 'Project memory', 5)
      expect(made).toMatchObject({ name: 'Project memory', projectId: 'p1', createdAt: 5 })
      expect(await store.ensureWriteMemory('p1', 'Again')).toEqual(made)
      expect(await store.listProjectMemories('p1')).toHaveLength(1)
    })

    test('a memory serves several projects; making one the write memory demotes the old one', async () => {
      const shared = await store.createMemory('p1', 'Shared')
      const own = await store.createMemory('p2', 'Own')
      await store.attachMemory('p2', shared.id, 'read')
      expect(await store.modeOf('p2', shared.id)).toBe('read')
      await store.attachMemory('p2', shared.id, 'write')
      expect(await store.modeOf('p2', shared.id)).toBe('write')
      expect(await store.modeOf('p2', own.id)).toBe('read')
      expect(await store.modeOf('p1', own.id)).toBeUndefined()
      expect(await store.detachMemory('p2', shared.id)).toBe(true)
      expect(await store.detachMemory('p2', shared.id)).toBe(false)
      expect((await store.listProjectMemories('p2')).map((memory) => memory.id)).toEqual([own.id])
      expect((await store.listOwnedMemories(['p1', 'p3'])).map((memory) => memory.id)).toEqual([
        shared.id,
      ])
    })

    test('the same source, target and context twice updates the unit instead of adding one', async () => {
      const memory = await store.createMemory('p1', 'M')
      expect(await store.addUnits(memory.id, [unit('Книга.', 'Кітап.')])).toEqual({
        added: 1,
        updated: 0,
      })
      const again = unit('Книга.', 'Кітап.', { changedBy: 'marat', changedAt: 2000 })
      const otherContext = unit('Книга.', 'Кітап.', { previousSource: 'Глава первая.' })
      const otherTarget = unit('Книга.', 'Кітабы.')
      expect(await store.addUnits(memory.id, [again, otherContext, otherTarget])).toEqual({
        added: 2,
        updated: 1,
      })
      const units = await store.listUnits(memory.id, { afterId: 0, limit: 10 })
      expect(units).toHaveLength(3)
      expect(units[0]).toMatchObject({ createdBy: 'aigul', changedBy: 'marat', changedAt: 2000 })
    })

    test('a segment approved again with another translation replaces its unit', async () => {
      const memory = await store.createMemory('p1', 'M')
      const fromSegment = { origin: 'segment' as const, documentId: 'd1', segmentId: 's1' }
      await store.addUnits(memory.id, [unit('Книга.', 'Кітап.', fromSegment)])
      await store.addUnits(memory.id, [unit('Книга.', 'Кітабы.', fromSegment)])
      const units = await store.listUnits(memory.id, { afterId: 0, limit: 10 })
      expect(units.map((stored) => stored.target.text)).toEqual(['Кітабы.'])
    })

    test('reads units back by id, only from their memory, leaving out ids that are gone', async () => {
      const memory = await store.createMemory('p1', 'M')
      const other = await store.createMemory('p1', 'Other')
      await store.addUnits(memory.id, [unit('Книга.', 'Кітап.'), unit('Опись.', 'Тізімдеме.')])
      await store.addUnits(other.id, [unit('Фонд.', 'Қор.')])
      const [first, second] = await store.listUnits(memory.id, { afterId: 0, limit: 10 })
      const [foreign] = await store.listUnits(other.id, { afterId: 0, limit: 10 })
      const read = await store.getUnits(memory.id, [second!.id, foreign!.id, 999_999, first!.id])
      expect(read.map((stored) => stored.source.text).sort()).toEqual(['Книга.', 'Опись.'])
      expect(await store.getUnits(memory.id, [])).toEqual([])
    })

    test('keeps inline codes, languages, context, origin and authorship as written', async () => {
      const memory = await store.createMemory('p1', 'M')
      const written = unit('Нажмите Сохранить.', 'Сақтау түймесін басыңыз.', {
        sourceLang: 'ru',
        targetLang: 'kk-Latn',
        source: { text: 'Нажмите Сохранить.', tags: [{ at: 8, xml: '<bpt i="1">{\\b}</bpt>' }] },
        previousSource: 'До.',
        nextSource: 'После.',
        origin: 'alignment',
        documentId: 'd9',
        createdBy: 'aigul',
        createdAt: 10,
        changedBy: 'marat',
        changedAt: 20,
      })
      await store.addUnits(memory.id, [written])
      const [stored] = await store.listUnits(memory.id, { afterId: 0, limit: 1 })
      expect(stored).toEqual({ ...written, id: stored!.id, memoryId: memory.id })
    })

    test('lists units in pages in the order they were stored', async () => {
      const memory = await store.createMemory('p1', 'M')
      await store.addUnits(
        memory.id,
        Array.from({ length: 25 }, (_, index) => unit(`Строка ${index}.`, `Жол ${index}.`)),
      )
      const seen: string[] = []
      for (let afterId = 0; ;) {
        const page = await store.listUnits(memory.id, { afterId, limit: 10 })
        if (page.length === 0) break
        seen.push(...page.map((stored) => stored.source.text))
        afterId = page.at(-1)!.id
      }
      expect(seen).toEqual(Array.from({ length: 25 }, (_, index) => `Строка ${index}.`))
    })

    test('staged import units stay invisible until committed, and a discarded import leaves nothing', async () => {
      const memory = await store.createMemory('p1', 'M')
      await store.addUnits(memory.id, [unit('Один.', 'Бір.')])
      await store.stageUnits('i1', memory.id, [unit('Один.', 'Бір.'), unit('Два.', 'Екі.')])
      await store.stageUnits('i1', memory.id, [unit('Два.', 'Екі.'), unit('Три.', 'Үш.')])
      await store.stageUnits('i2', memory.id, [unit('Четыре.', 'Төрт.')])
      expect((await store.stats(memory.id)).units).toBe(1)
      // Один was stored before and Два comes twice: both repeats are updates.
      expect(await store.commitImport('i1')).toEqual({ added: 2, updated: 2 })
      await store.discardImport('i2')
      const units = await store.listUnits(memory.id, { afterId: 0, limit: 10 })
      expect(units.map((stored) => stored.source.text)).toEqual(['Один.', 'Два.', 'Три.'])
      expect(await store.commitImport('i2')).toEqual({ added: 0, updated: 0 })
    })

    test('writes committed during an import are visible at once; the import only when published', async () => {
      const memory = await store.createMemory('p1', 'M')
      const [before] = [await store.revisions([memory.id])]
      await store.stageUnits('i1', memory.id, [unit('Один.', 'Бір.'), unit('Два.', 'Екі.')])
      // An approval between two batches of the import: stored and visible before it ends.
      await store.addUnits(memory.id, [unit('Утверждено.', 'Бекітілді.', { origin: 'segment' })])
      await store.stageUnits('i1', memory.id, [unit('Три.', 'Үш.')])
      const texts = async () =>
        (await store.listUnits(memory.id, { afterId: 0, limit: 10 })).map((u) => u.source.text)
      expect(await texts()).toEqual(['Утверждено.'])
      expect((await store.stats(memory.id)).units).toBe(1)
      const approvedRevision = (await store.revisions([memory.id])).get(memory.id)!
      expect(approvedRevision).toBeGreaterThan(before.get(memory.id)!)
      expect(await store.publishedImports(memory.id, 0)).toEqual([])

      expect(await store.commitImport('i1')).toEqual({ added: 3, updated: 0 })
      expect(await texts()).toEqual(['Один.', 'Два.', 'Утверждено.', 'Три.'])
      expect((await store.revisions([memory.id])).get(memory.id)!).toBeGreaterThan(approvedRevision)
      expect(await store.publishedImports(memory.id, approvedRevision)).toEqual(['i1'])
      // The units of the import stored before the approval's id, which a reader that had seen
      // the approval (and so read past them) must still take in.
      const approvedId = (await store.listUnits(memory.id, { afterId: 0, limit: 10 }))[2]!.id
      const earlier = await store.listImportUnits(memory.id, 'i1', {
        afterId: 0,
        throughId: approvedId,
        limit: 10,
      })
      expect(earlier.map((u) => u.source.text)).toEqual(['Один.', 'Два.'])
    })

    test('an approval of a unit an import holds unpublished survives the import failing', async () => {
      const memory = await store.createMemory('p1', 'M')
      await store.stageUnits('i1', memory.id, [unit('Один.', 'Бір.'), unit('Два.', 'Екі.')])
      await store.addUnits(memory.id, [unit('Один.', 'Бір.')])
      await store.discardImport('i1')
      const units = await store.listUnits(memory.id, { afterId: 0, limit: 10 })
      expect(units.map((stored) => stored.source.text)).toEqual(['Один.'])
      expect(await store.publishedImports(memory.id, 0)).toEqual([])
    })

    test('stats count units by language pair and origin', async () => {
      const memory = await store.createMemory('p1', 'M')
      await store.addUnits(memory.id, [
        unit('а', 'б', { changedAt: 50 }),
        unit('в', 'г', { origin: 'segment' }),
        unit('д', 'е', { targetLang: 'ar', origin: 'alignment', changedAt: 70 }),
      ])
      expect(await store.stats(memory.id)).toEqual({
        units: 3,
        byLanguagePair: [
          { sourceLang: 'ru', targetLang: 'kk', units: 2 },
          { sourceLang: 'ru', targetLang: 'ar', units: 1 },
        ],
        byOrigin: { segment: 1, tmx: 1, alignment: 1 },
        lastChangedAt: 1000,
      })
      const empty = await store.createMemory('p1', 'Empty')
      expect(await store.stats(empty.id)).toMatchObject({ units: 0, lastChangedAt: null })
    })

    test('removing a project’s memories removes their units and other projects’ attachments', async () => {
      const memory = await store.createMemory('p1', 'M')
      await store.attachMemory('p2', memory.id, 'read')
      await store.addUnits(memory.id, [unit('а', 'б')])
      await store.removeProjectMemories(['p1'])
      expect(await store.getMemory(memory.id)).toBeUndefined()
      expect(await store.listProjectMemories('p2')).toEqual([])
      expect(await store.listUnits(memory.id, { afterId: 0, limit: 10 })).toEqual([])
    })

    test('what was written survives closing and opening again', async () => {
      const memory = await store.createMemory('p1', 'M')
      await store.addUnits(memory.id, [unit('а', 'б')])
      await store.close()
      store = await harness.open()
      expect((await store.stats(memory.id)).units).toBe(1)
      expect(await store.getMemory(memory.id)).toEqual(memory)
    })
  })
}
