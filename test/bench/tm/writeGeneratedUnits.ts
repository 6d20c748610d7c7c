// Fills a memory of a real store with the generated units 0 … count − 1, in batches of 5,000:
// the shared set-up of the memory benchmarks.
import type { NewUnit, TranslationMemoryStore } from '../../../server/tm/index.ts'
import { generateUnit } from './generateUnits.ts'

const WRITE_BATCH = 5000

/** `targetLang` for every unit, or each unit's own (Kazakh or Arabic) when absent. */
export async function writeGeneratedUnits(
  store: Pick<TranslationMemoryStore, 'addUnits'>,
  memoryId: string,
  count: number,
  targetLang?: string,
): Promise<void> {
  for (let start = 0; start < count; start += WRITE_BATCH) {
    const units: NewUnit[] = []
    for (let id = start; id < Math.min(count, start + WRITE_BATCH); id++) {
      const unit = generateUnit(id)
      units.push({
        sourceLang: 'ru',
        targetLang: targetLang ?? unit.targetLang,
        source: { text: unit.source, tags: [] },
        target: { text: unit.target, tags: [] },
        previousSource: null,
        nextSource: null,
        origin: 'tmx',
        documentId: null,
        segmentId: null,
        createdBy: 'bench',
        createdAt: 0,
        changedBy: 'bench',
        changedAt: 0,
      })
    }
    await store.addUnits(memoryId, units)
  }
}
