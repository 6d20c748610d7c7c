import { describe, expect, test } from 'vitest'
import { readGlossaryCsv, writeGlossaryCsv } from '../formats/index.ts'
import { csvField, csvLine, guardCsvCell, unguardCsvCell } from './index.ts'

describe('CSV cells', () => {
  test.each(['=1+2', '+7 701', '-лар', '@SUM(A1)', '\t=cmd', '\r=cmd', "'=x", "''-y"])(
    'a cell starting %j is written with one more leading apostrophe',
    (value) => {
      expect(guardCsvCell(value)).toBe(`'${value}`)
      expect(unguardCsvCell(guardCsvCell(value))).toBe(value)
    },
  )

  test.each(['кітап', 'مكتبة', "'quoted", "it's", '1-2', ''])('leaves %j as it is', (value) => {
    expect(guardCsvCell(value)).toBe(value)
    expect(unguardCsvCell(value)).toBe(value)
  })

  test('quotes delimiters, quotes and line breaks after guarding', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
    expect(csvField(-3)).toBe('-3')
    expect(csvLine(['a', 1, '=b'])).toBe("a,1,'=b\r\n")
  })

  test('a glossary with formula-like terms is exported guarded and imported back unchanged', () => {
    const entries = [
      {
        terms: [
          { lang: 'ru', text: '=1+1', status: 'preferred' as const },
          { lang: 'kk', text: '-лар', status: 'admitted' as const, note: '@note' },
        ],
        definition: '+definition',
      },
    ]
    const csv = [...writeGlossaryCsv(entries)].join('')
    const rows = csv.split('\r\n')
    expect(rows[1]).toBe("'=1+1,preferred,,,'-лар,admitted,,'@note,'+definition,,,")
    expect(readGlossaryCsv(csv)).toEqual(entries)
  })
})
