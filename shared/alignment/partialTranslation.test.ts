import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { align, formatBead, parseBead, scoreAlignment, type BeadIndices } from './index.ts'

// The repository's development sets (test/fixtures/align): a Russian article, its Kazakh and
// Arabic translations, each leaving sentences and a whole section out, and their gold beads.
const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/align/${name}`, import.meta.url), 'utf8')
    .replace(/\n$/, '')
    .split('\n')
const ru = fixture('archives.ru')
const sets = {
  kk: { target: fixture('archives.kk'), gold: fixture('archives.ru-kk.gold') },
  ar: { target: fixture('archives.ar'), gold: fixture('archives.ru-ar.gold') },
}
const goldOf = (lang: 'kk' | 'ar') => sets[lang].gold.map((line) => parseBead(line)!)
const isMerge = (bead: BeadIndices) =>
  bead.source.length > 0 && bead.target.length > 0 && bead.source.length + bead.target.length > 2

describe('aligning a partial translation', () => {
  test('a section the translator left out becomes one 1-0 bead per sentence, not merges', () => {
    const beads = align(ru, sets.kk.target, { sourceLang: 'ru', targetLang: 'kk' })
    const omitted = Array.from({ length: 9 }, (_, k) => 51 + k) // the section "Люди, а не только машины"
    for (const k of omitted)
      expect(beads.find((b) => b.source.includes(k))).toMatchObject({ source: [k], target: [] })
    // The sentences on either side of the gap keep their own translations.
    expect(beads.find((b) => b.source.includes(50))!.target).toEqual([50])
    expect(beads.find((b) => b.source.includes(60))!.target).toEqual([51])
  })

  test('a translation of the beginning only pairs that part and leaves the rest untranslated', () => {
    // The first seven Russian sentences, translated in eight Kazakh ones (one split in two).
    const beads = align(ru.slice(0, 18), sets.kk.target.slice(0, 8), {
      sourceLang: 'ru',
      targetLang: 'kk',
    })
    expect(beads.map(formatBead)).toEqual([
      ...sets.kk.gold.slice(0, 7),
      ...Array.from({ length: 11 }, (_, k) => `[${7 + k}]:[]`),
    ])
  })

  test.each(['kk', 'ar'] as const)(
    'on the ru-%s development set strict F1 stays near lax F1, with no more merges than the gold',
    (lang) => {
      const beads = align(ru, sets[lang].target, { sourceLang: 'ru', targetLang: lang })
      const gold = goldOf(lang)
      const score = scoreAlignment(gold, beads)
      expect(score.strict.f1).toBeGreaterThan(0.9)
      expect(score.lax.f1 - score.strict.f1).toBeLessThan(0.05)
      expect(beads.filter(isMerge).length).toBeLessThanOrEqual(gold.filter(isMerge).length + 1)
    },
  )

  test('a long untranslated run is more confident as one gap than a single omission is', () => {
    const beads = align(ru, sets.kk.target, { sourceLang: 'ru', targetLang: 'kk' })
    const inRun = beads.find((b) => b.source[0] === 55)!
    const single = beads.find((b) => b.source[0] === 13)!
    expect(single.target).toEqual([])
    expect(inRun.confidence).toBeGreaterThan(single.confidence)
  })
})
