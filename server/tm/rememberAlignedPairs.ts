import { LOW_CONFIDENCE } from '@qalam/shared/alignment'
import type { NewUnit, TranslationMemoryStore, UnitsWritten } from './TranslationMemoryStore.ts'

/** A reviewed pair of a confirmed alignment, as the alignment screen sends it. */
interface AlignedPair {
  source: string
  target: string
  confidence?: number | null
}

/**
 * Puts the pairs of a confirmed alignment into the project's write memory, each with its
 * neighbouring sources. Pairs without a translation, and pairs the aligner doubted that nobody
 * checked (they become drafts in the document), stay out: a memory holds what people vouched for.
 */
export async function rememberAlignedPairs(
  tm: TranslationMemoryStore,
  input: {
    projectId: string
    projectName: string
    documentId: string
    sourceLang: string
    targetLang: string
    pairs: readonly AlignedPair[]
    author: string
    now?: number
  },
): Promise<UnitsWritten> {
  const now = input.now ?? Date.now()
  const sources = input.pairs.map((pair) => pair.source.trim())
  const units: NewUnit[] = []
  input.pairs.forEach((pair, index) => {
    const target = pair.target.trim()
    const isDoubtful = typeof pair.confidence === 'number' && pair.confidence < LOW_CONFIDENCE
    if (target === '' || sources[index] === '' || isDoubtful) return
    units.push({
      sourceLang: input.sourceLang,
      targetLang: input.targetLang,
      source: { text: sources[index]!, tags: [] },
      target: { text: target, tags: [] },
      previousSource: sources[index - 1] ?? null,
      nextSource: sources[index + 1] ?? null,
      origin: 'alignment',
      documentId: input.documentId,
      segmentId: null,
      createdBy: input.author,
      createdAt: now,
      changedBy: input.author,
      changedAt: now,
    })
  })
  if (units.length === 0) return { added: 0, updated: 0 }
  const memory = await tm.ensureWriteMemory(input.projectId, input.projectName, now)
  return tm.addUnits(memory.id, units)
}
