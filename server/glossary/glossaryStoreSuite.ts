import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { GlossaryEntry } from '@qalam/shared/glossary'
import type { GlossaryStore } from './GlossaryStore.ts'

/** A store over a fresh database, a way to make projects in it, and its teardown. */
export interface GlossaryStoreHarness {
  store: GlossaryStore
  createProject(): Promise<string>
  dispose(): Promise<void>
}

const LIBRARY: GlossaryEntry = {
  definition: 'Ұйым',
  subject: 'Кітапхана ісі',
  terms: [
    { lang: 'kk', text: 'кітапхана', status: 'preferred', partOfSpeech: 'noun' },
    { lang: 'ru', text: 'библиотека', status: 'preferred' },
    { lang: 'ru', text: 'книгохранилище', status: 'forbidden', note: 'устар.' },
  ],
}
const ARCHIVE: GlossaryEntry = { terms: [{ lang: 'ar', text: 'أرشيف', status: 'admitted' }] }

/** The behaviour every GlossaryStore implementation must show; run it with each one. */
export function describeGlossaryStore(
  name: string,
  open: () => Promise<GlossaryStoreHarness>,
): void {
  describe(`GlossaryStore (${name})`, () => {
    let harness: GlossaryStoreHarness
    beforeEach(async () => {
      harness = await open()
    })
    afterEach(async () => {
      await harness.dispose()
    })

    test('creates a glossary attached to its project and keeps entries with every field', async () => {
      const { store } = harness
      const project = await harness.createProject()
      const glossary = await store.create(project, 'Библиотечные термины')
      await store.addEntries(glossary.id, [LIBRARY, ARCHIVE], 'u1')
      const entries = await store.listEntries(glossary.id)
      expect(entries.map(({ id: _id, createdAt: _at, createdBy: _by, ...entry }) => entry)).toEqual(
        [LIBRARY, ARCHIVE],
      )
      expect(entries[0]!.createdBy).toBe('u1')
      expect(await store.listForProject(project)).toMatchObject([
        { id: glossary.id, name: 'Библиотечные термины', entryCount: 2 },
      ])
    })

    test('shares a glossary between projects and deletes it when attached nowhere', async () => {
      const { store } = harness
      const first = await harness.createProject()
      const second = await harness.createProject()
      const glossary = await store.create(first, 'Shared')
      await store.attach(second, glossary.id)
      await store.attach(second, glossary.id)
      expect(await store.projectsOf(glossary.id)).toEqual([first, second])
      expect(await store.detach(first, glossary.id)).toBe(true)
      expect(await store.detach(first, glossary.id)).toBe(false)
      await store.addEntries(glossary.id, [ARCHIVE], 'u1')
      expect(await store.listEntries(glossary.id)).toHaveLength(1)
      expect(await store.detach(second, glossary.id)).toBe(true)
      expect(await store.projectsOf(glossary.id)).toEqual([])
      expect(await store.listEntries(glossary.id)).toEqual([])
    })

    test('adds all entries or none, and bumps the revision on each change', async () => {
      const { store } = harness
      const project = await harness.createProject()
      const glossary = await store.create(project, 'G')
      expect(await store.revision(glossary.id)).toBe(0)
      await store.addEntries(glossary.id, [ARCHIVE], 'u1')
      expect(await store.revision(glossary.id)).toBe(1)
      const broken = {
        terms: [{ lang: 'en', text: 'x', status: 'unknown' }],
      } as unknown as GlossaryEntry
      await expect(store.addEntries(glossary.id, [LIBRARY, broken], 'u1')).rejects.toThrow()
      expect(await store.listEntries(glossary.id)).toHaveLength(1)
      expect(await store.revision(glossary.id)).toBe(1)
    })

    test('edits an entry in place and deletes one, each bumping the revision', async () => {
      const { store } = harness
      const project = await harness.createProject()
      const glossary = await store.create(project, 'G')
      const [library, archive] = await store.addEntries(glossary.id, [LIBRARY, ARCHIVE], 'u1')
      const edited = { terms: [{ lang: 'ru', text: 'читальня', status: 'admitted' as const }] }
      const changed = await store.updateEntry(glossary.id, library!.id, edited)
      expect(changed?.before).toMatchObject(LIBRARY)
      expect(changed?.after).toMatchObject({ ...edited, id: library!.id, createdBy: 'u1' })
      expect(changed?.after.definition).toBeUndefined()
      expect(await store.revision(glossary.id)).toBe(2)
      const entries = await store.listEntries(glossary.id)
      expect(entries.map((entry) => entry.id)).toEqual([library!.id, archive!.id])
      expect(entries[0]!.terms).toEqual(edited.terms)

      const other = await store.create(project, 'Other')
      expect(await store.updateEntry(other.id, archive!.id, edited)).toBeUndefined()
      expect(await store.deleteEntry(other.id, archive!.id)).toBeUndefined()
      expect((await store.deleteEntry(glossary.id, archive!.id))?.terms).toEqual(ARCHIVE.terms)
      expect(await store.deleteEntry(glossary.id, archive!.id)).toBeUndefined()
      expect((await store.listEntries(glossary.id)).map((entry) => entry.id)).toEqual([library!.id])
      expect(await store.revision(glossary.id)).toBe(3)
    })
  })
}
