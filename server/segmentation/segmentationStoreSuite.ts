import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { SegmentationStore } from './SegmentationStore.ts'

/** One database for one test: a store over it, a way to create projects, and the clean-up. */
export interface SegmentationStoreHarness {
  store: SegmentationStore
  /** Creates a project row (segmentation settings belong to a project). */
  createProject(id: string): Promise<void>
  /** Removes the project row for good, as a purge does. */
  purgeProject(id: string): Promise<void>
  dispose(): Promise<void>
}

const SRX = '<srx version="2.0"><body/></srx>'
const abbreviation = { isBreak: false, beforeBreak: '\\bт\\.', afterBreak: '\\s' }

/** The behaviour every SegmentationStore adapter must have. */
export function describeSegmentationStore(
  name: string,
  createHarness: () => Promise<SegmentationStoreHarness>,
) {
  describe(`SegmentationStore: ${name}`, () => {
    let harness: SegmentationStoreHarness
    let store: SegmentationStore

    beforeEach(async () => {
      harness = await createHarness()
      store = harness.store
      await harness.createProject('p1')
      await harness.createProject('p2')
    })
    afterEach(() => harness.dispose())

    test('a project without settings has the built-in rules and no exceptions', async () => {
      expect(await store.load('p1')).toEqual({ srx: null, exceptions: [] })
    })

    test('keeps, replaces and drops a project’s SRX file', async () => {
      await store.setSrx('p1', SRX)
      expect((await store.load('p1')).srx).toBe(SRX)
      await store.setSrx('p1', SRX.replace('2.0', '2.1'))
      expect((await store.load('p1')).srx).toContain('2.1')
      expect((await store.load('p2')).srx).toBeNull()
      await store.setSrx('p1', null)
      expect((await store.load('p1')).srx).toBeNull()
    })

    test('lists exceptions in the order they were added and removes one by id', async () => {
      const first = await store.addException('p1', 'ru', abbreviation)
      const second = await store.addException('p1', 'kk', { ...abbreviation, isBreak: true })
      await store.addException('p2', 'ar', abbreviation)
      expect((await store.load('p1')).exceptions).toEqual([first, second])
      expect(second.rule.isBreak).toBe(true)

      expect(await store.removeException('p2', first.id)).toBe(false)
      expect(await store.removeException('p1', first.id)).toBe(true)
      expect(await store.removeException('p1', first.id)).toBe(false)
      expect((await store.load('p1')).exceptions).toEqual([second])
      expect((await store.load('p2')).exceptions).toHaveLength(1)
    })

    test('settings go with their project when it is purged', async () => {
      await store.setSrx('p1', SRX)
      await store.addException('p1', 'ru', abbreviation)
      await harness.purgeProject('p1')
      expect(await store.load('p1')).toEqual({ srx: null, exceptions: [] })
    })

    test('refuses settings for a project that does not exist', async () => {
      await expect(store.setSrx('missing', SRX)).rejects.toThrow()
      await expect(store.addException('missing', 'ru', abbreviation)).rejects.toThrow()
    })
  })
}
