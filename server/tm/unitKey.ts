import { createHash } from 'node:crypto'
import type { NewUnit } from './TranslationMemoryStore.ts'

/**
 * What makes two units the same one: languages, source and target with their inline codes, and
 * the neighbouring sources. The first 16 bytes of a SHA-256 digest (a collision needs about
 * 2^64 units), so that the unique index stays small whatever the text.
 */
export function unitKey(unit: NewUnit): Buffer {
  return createHash('sha256')
    .update(
      JSON.stringify([
        unit.sourceLang,
        unit.targetLang,
        unit.source.text,
        unit.source.tags,
        unit.target.text,
        unit.target.tags,
        unit.previousSource,
        unit.nextSource,
      ]),
    )
    .digest()
    .subarray(0, 16)
}
