import { tmxEnd, tmxStart, tmxUnit } from '@qalam/shared/formats'
import { CONTEXT_PROPS } from './contextProps.ts'
import type { StoredUnit, TranslationMemoryStore } from './TranslationMemoryStore.ts'

const PAGE_SIZE = 1000

function unitXml(unit: StoredUnit): string {
  const props: Record<string, string> = {}
  if (unit.previousSource !== null) props[CONTEXT_PROPS.previous] = unit.previousSource
  if (unit.nextSource !== null) props[CONTEXT_PROPS.next] = unit.nextSource
  const dates = {
    creationId: unit.createdBy,
    creationDate: unit.createdAt,
    changeId: unit.changedBy,
    changeDate: unit.changedAt,
  }
  return tmxUnit({
    srcLang: unit.sourceLang,
    ...dates,
    props,
    variants: [
      { lang: unit.sourceLang, seg: unit.source },
      { lang: unit.targetLang, seg: unit.target, ...dates },
    ],
  })
}

/**
 * A memory as a TMX 1.4b file, in pieces of at most one page of units: the caller writes each
 * piece before asking for the next, so an export of millions of units never sits in memory.
 * The header's `srclang` is the memory's one source language, or `*all*` when it has several.
 */
export async function* exportTmx(
  store: TranslationMemoryStore,
  memoryId: string,
): AsyncGenerator<string> {
  const { byLanguagePair } = await store.stats(memoryId)
  const sources = new Set(byLanguagePair.map((pair) => pair.sourceLang))
  const srcLang = sources.size === 1 ? [...sources][0]! : '*all*'
  yield tmxStart({ srcLang, creationDate: Date.now() })
  for (let afterId = 0; ;) {
    const page = await store.listUnits(memoryId, { afterId, limit: PAGE_SIZE })
    if (page.length === 0) break
    yield page.map(unitXml).join('')
    afterId = page.at(-1)!.id
  }
  yield tmxEnd()
}
