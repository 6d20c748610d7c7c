import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import {
  GlossaryFileError,
  TbxReader,
  readGlossaryCsv,
  readTbx,
  writeGlossaryCsv,
  writeTbx,
  type TbxVersion,
} from './index.ts'

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/glossary/${name}`, import.meta.url), 'utf8')

function refusal(read: () => unknown): GlossaryFileError {
  try {
    read()
  } catch (error) {
    if (error instanceof GlossaryFileError) return error
    throw error
  }
  throw new Error('the file was accepted')
}

describe('TBX', () => {
  test('reads a vendor TBX v2 martif file with statuses, part of speech, notes and synonyms', () => {
    const entries = readTbx(fixture('vendor-v2.tbx'))
    expect(entries).toHaveLength(2)
    expect(entries[0]).toEqual({
      subject: 'Архивное дело',
      definition: 'Текст, написанный от руки.',
      terms: [
        { lang: 'ru', text: 'рукопись', status: 'preferred', partOfSpeech: 'noun' },
        { lang: 'kk-KZ', text: 'қолжазба', status: 'preferred' },
        { lang: 'kk-KZ', text: 'манускрипт', status: 'forbidden', note: 'Калька, избегать' },
        { lang: 'ar', text: 'مخطوطة', status: 'preferred' },
      ],
    })
    expect(entries[1]).toMatchObject({
      source: 'ГОСТ 7.0-99',
      terms: [
        { lang: 'ru', text: 'каталог & указатель' },
        { lang: 'kk-KZ', text: 'каталог', status: 'admitted' },
      ],
    })
  })

  test('reads a TBX v3 TBX-Basic file in the DCT style', () => {
    const [entry] = readTbx(fixture('basic-v3.tbx'))
    expect(entry).toEqual({
      definition: 'A collection of books and documents.',
      terms: [
        { lang: 'en', text: 'library', status: 'preferred', partOfSpeech: 'noun' },
        { lang: 'ar', text: 'مكتبة', status: 'preferred' },
        { lang: 'kk', text: 'кітапхана', status: 'preferred', partOfSpeech: 'noun' },
      ],
    })
  })

  test.each<[string, TbxVersion]>([
    ['vendor-v2.tbx', 2],
    ['vendor-v2.tbx', 3],
    ['basic-v3.tbx', 2],
    ['basic-v3.tbx', 3],
  ])('%s written as TBX v%s reads back the same', (name, version) => {
    const entries = readTbx(fixture(name))
    const written = [...writeTbx(entries, { version, sourceLang: 'ru' })].join('')
    expect(readTbx(written)).toEqual(entries)
  })

  test('reads a file fed in small chunks the same as whole', () => {
    const xml = fixture('vendor-v2.tbx')
    const reader = new TbxReader()
    for (let start = 0; start < xml.length; start += 7) reader.write(xml.slice(start, start + 7))
    expect(reader.close()).toEqual(readTbx(xml))
  })

  test('refuses a DTD with an external entity', () => {
    expect(refusal(() => readTbx(fixture('hostile-xxe.tbx'))).code).toBe('glossary_file.dtd')
  })

  test('refuses an undeclared entity, malformed XML with its line, and files that are not TBX', () => {
    expect(refusal(() => readTbx('<martif><text>&bomb;</text></martif>')).code).toBe(
      'glossary_file.not_xml',
    )
    const broken = refusal(() =>
      readTbx('<martif>\n<text><body>\n<termEntry><langSet xml:lang="en"><tig><term>a</tig>'),
    )
    expect(broken.code).toBe('glossary_file.not_xml')
    expect(broken.message).toMatch(/3:/)
    expect(refusal(() => readTbx('<tmx version="1.4"/>')).code).toBe('glossary_file.invalid')
    expect(refusal(() => readTbx('')).code).toBe('glossary_file.not_xml')
  })

  test('refuses a term status it does not know, with the line', () => {
    const error = refusal(() =>
      readTbx(
        '<martif><text><body><termEntry>\n<langSet xml:lang="en"><tig><term>a</term>\n<termNote type="administrativeStatus">maybe</termNote></tig></langSet></termEntry></body></text></martif>',
      ),
    )
    expect(error.message).toMatch(/^line 3: unknown term status/)
  })

  test('refuses files past the limits', () => {
    const deep = '<martif>' + '<a>'.repeat(40) + '</a>'.repeat(40) + '</martif>'
    expect(refusal(() => readTbx(deep)).code).toBe('glossary_file.too_large')
    const long = `<martif><text><body><termEntry><langSet xml:lang="en"><tig><term>${'x'.repeat(20_000)}</term></tig></langSet></termEntry></body></text></martif>`
    expect(refusal(() => readTbx(long)).code).toBe('glossary_file.too_large')
    const many = `<martif><text><body>${'<termEntry><langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry>'.repeat(4)}</body></text></martif>`
    const limits = { maxEntries: 3, maxTermsPerEntry: 10, maxFieldLength: 100, maxDepth: 32 }
    expect(refusal(() => readTbx(many, limits)).message).toMatch(/more than 3 entries/)
  })
})

describe('CSV', () => {
  test('reads a semicolon CSV with quoted fields, statuses and a definition', () => {
    expect(readGlossaryCsv(fixture('glossary.csv'))).toEqual([
      {
        definition: 'Текст; написанный от руки',
        terms: [
          { lang: 'ru', text: 'рукопись', status: 'preferred' },
          { lang: 'kk', text: 'қолжазба', status: 'preferred' },
          { lang: 'ar', text: 'مخطوطة', status: 'preferred' },
        ],
      },
      {
        terms: [
          { lang: 'ru', text: 'библиотека "Ұлттық"', status: 'preferred' },
          { lang: 'kk', text: 'кітапхана', status: 'admitted' },
          { lang: 'ar', text: 'مكتبة', status: 'preferred' },
        ],
      },
    ])
  })

  test.each(['vendor-v2.tbx', 'basic-v3.tbx'])(
    'the entries of %s written as CSV read back the same',
    (name) => {
      const entries = readTbx(fixture(name))
      const csv = [...writeGlossaryCsv(entries)].join('')
      expect(readGlossaryCsv(csv)).toEqual(entries)
      expect(readGlossaryCsv([...writeGlossaryCsv(readGlossaryCsv(csv))].join(''))).toEqual(entries)
    },
  )

  test('refuses an unknown column, an unknown status and an unclosed quote with the line', () => {
    expect(refusal(() => readGlossaryCsv('en,colour\nbook,red\n')).message).toMatch(
      /^line 1: column 2/,
    )
    expect(refusal(() => readGlossaryCsv('en,en status\nbook,ok\nx,y\n')).message).toMatch(
      /^line 2: unknown status/,
    )
    expect(refusal(() => readGlossaryCsv('en,kk\nbook,"кітап\n')).message).toMatch(
      /^line 2: a quoted field/,
    )
    expect(refusal(() => readGlossaryCsv('en,kk\n,\n\n')).code).toBe('glossary_file.empty')
  })
})
