import { describe, expect, test } from 'vitest'
import {
  createTmxParser,
  DEFAULT_TMX_LIMITS,
  mapLanguage,
  TmxError,
  tmxEnd,
  tmxStart,
  tmxUnit,
  type TmxHeader,
  type TmxLimits,
  type TmxUnit,
} from './index.ts'

const encoder = new TextEncoder()

function parse(
  input: string | Uint8Array,
  { chunk = 1 << 16, limits = DEFAULT_TMX_LIMITS }: { chunk?: number; limits?: TmxLimits } = {},
) {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input
  const units: TmxUnit[] = []
  let header: TmxHeader | undefined
  const parser = createTmxParser(
    { header: (value) => (header = value), unit: (unit) => units.push(unit) },
    limits,
  )
  for (let at = 0; at < bytes.length; at += chunk) parser.write(bytes.subarray(at, at + chunk))
  parser.close()
  return { units, header }
}

function refusal(input: string | Uint8Array, limits?: TmxLimits): TmxError {
  try {
    parse(input, limits ? { limits } : {})
  } catch (error) {
    if (error instanceof TmxError) return error
    throw error
  }
  throw new Error('the file was accepted')
}

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="Trados" creationtoolversion="9" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="ru-RU" datatype="rtf" creationdate="20240131T093000Z"/>
  <body>
    <tu tuid="7" creationid="AIGUL" creationdate="20240131T093000Z" changeid="MARAT" changedate="20240201T120000Z">
      <prop type="x-client">Library</prop>
      <tuv xml:lang="ru-RU"><seg>Нажмите <bpt i="1" x="1">{\\b}</bpt>Сохранить<ept i="1">{\\b0}</ept> &amp; выйдите<ph x="2"/>.</seg></tuv>
      <tuv xml:lang="KK-kz"><seg><hi type="b">Сақтау</hi> түймесін басыңыз &lt;ok&gt;<ph x="2"/>.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="ru"><seg>Второй</seg></tuv>
      <tuv xml:lang="ar-SA"><seg>الثاني<it pos="begin">&lt;i&gt;<sub>note</sub></it></seg></tuv>
    </tu>
  </body>
</tmx>
`

describe('reading TMX', () => {
  test('reads units with their languages, dates, authors and inline codes beside the text', () => {
    const { units, header } = parse(SAMPLE)
    expect(header).toMatchObject({ srcLang: 'ru-RU', creationTool: 'Trados' })
    expect(units).toHaveLength(2)
    const [first, second] = units as [TmxUnit, TmxUnit]
    expect(first).toMatchObject({
      line: 5,
      tuid: '7',
      creationId: 'AIGUL',
      creationDate: Date.UTC(2024, 0, 31, 9, 30),
      changeId: 'MARAT',
      changeDate: Date.UTC(2024, 1, 1, 12),
      props: { 'x-client': 'Library' },
    })
    expect(first.variants[0]).toEqual({
      lang: 'ru-RU',
      seg: {
        text: 'Нажмите Сохранить & выйдите.',
        tags: [
          { at: 8, xml: '<bpt i="1" x="1">{\\b}</bpt>' },
          { at: 17, xml: '<ept i="1">{\\b0}</ept>' },
          { at: 27, xml: '<ph x="2"/>' },
        ],
      },
    })
    expect(first.variants[1]!.seg).toEqual({
      text: 'Сақтау түймесін басыңыз <ok>.',
      tags: [
        { at: 0, xml: '<hi type="b">' },
        { at: 6, xml: '</hi>' },
        { at: 28, xml: '<ph x="2"/>' },
      ],
    })
    expect(second.variants.map((variant) => variant.lang)).toEqual(['ru', 'ar-SA'])
    expect(second.variants[1]!.seg).toEqual({
      text: 'الثاني',
      tags: [{ at: 6, xml: '<it pos="begin">&lt;i&gt;<sub>note</sub></it>' }],
    })
  })

  test('gives the same units whether the bytes come at once or one by one', () => {
    expect(parse(SAMPLE, { chunk: 1 }).units).toEqual(parse(SAMPLE).units)
  })

  test('reads UTF-16 with a byte order mark, little and big endian', () => {
    const text = SAMPLE.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    const le = new Uint8Array(2 + text.length * 2)
    le.set([0xff, 0xfe])
    const be = new Uint8Array(2 + text.length * 2)
    be.set([0xfe, 0xff])
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      le[2 + 2 * i] = code & 0xff
      le[3 + 2 * i] = code >> 8
      be[2 + 2 * i] = code >> 8
      be[3 + 2 * i] = code & 0xff
    }
    expect(parse(le, { chunk: 7 }).units).toEqual(parse(SAMPLE).units)
    expect(parse(be, { chunk: 7 }).units).toEqual(parse(SAMPLE).units)
  })

  test('skips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode(SAMPLE)])
    expect(parse(bytes).units).toHaveLength(2)
  })

  test('writes back what it read: read, write, read gives the same units', () => {
    const { units, header } = parse(SAMPLE)
    const written = tmxStart(header!) + units.map((unit) => tmxUnit(unit)).join('') + tmxEnd()
    const again = parse(written)
    const withoutLines = (list: TmxUnit[]) => list.map(({ line: _line, ...rest }) => rest)
    expect(withoutLines(again.units)).toEqual(withoutLines(units))
    expect(again.header?.srcLang).toBe('ru-RU')
  })
})

describe('refusing hostile or broken files', () => {
  const wrap = (body: string) =>
    `<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="ru"/><body>\n${body}\n</body></tmx>`

  test.each([
    ['a DTD', `<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx/>`, 'tmx.dtd', 2],
    [
      'entity expansion',
      `<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<tmx/>`,
      'tmx.dtd',
      2,
    ],
    [
      'an external entity reference',
      wrap('<tu><tuv xml:lang="ru"><seg>&xxe;</seg></tuv></tu>'),
      'tmx.not_xml',
      3,
    ],
    ['mismatched tags', wrap('<tu><tuv xml:lang="ru"><seg>a</tuv></tu>'), 'tmx.not_xml', 3],
    [
      'a truncated file',
      wrap('<tu><tuv xml:lang="ru"><seg>a</seg></tuv></tu>').slice(0, -20),
      'tmx.not_xml',
      3,
    ],
    ['another root element', '<html><body/></html>', 'tmx.not_tmx', 1],
    ['no XML at all', 'just some words', 'tmx.not_xml', 1],
    ['a variant without a language', wrap('<tu><tuv><seg>a</seg></tuv></tu>'), 'tmx.invalid', 3],
    [
      'an unknown element in a segment',
      wrap('<tu><tuv xml:lang="ru"><seg><b>a</b></seg></tuv></tu>'),
      'tmx.invalid',
      3,
    ],
    [
      'a declared legacy encoding',
      '<?xml version="1.0" encoding="windows-1251"?><tmx/>',
      'tmx.encoding',
      1,
    ],
    ['a declaration that lies', '<?xml version="1.0" encoding="UTF-16"?><tmx/>', 'tmx.encoding', 1],
  ])('refuses %s', (_name, xml, code, line) => {
    const error = refusal(xml)
    expect({ code: error.code, line: error.line }).toEqual({ code, line })
    expect(error.message).toMatch(new RegExp(`^line ${line}: `))
  })

  test('refuses bytes that are not UTF-8, naming their line', () => {
    const head = encoder.encode(wrap('<tu><tuv xml:lang="ru"><seg>').split('\n</body>')[0])
    const bytes = new Uint8Array([
      ...head,
      0xcf,
      0xf0,
      0xe8,
      ...encoder.encode('</seg></tuv></tu>'),
    ])
    expect(refusal(bytes)).toMatchObject({ code: 'tmx.encoding', line: 3 })
  })

  test('refuses ZIP and gzip files and UTF-16 without a byte order mark', () => {
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toMatchObject({
      code: 'tmx.compressed',
      line: 1,
    })
    expect(refusal(new Uint8Array([0x1f, 0x8b, 8, 0, 0]))).toMatchObject({ code: 'tmx.compressed' })
    expect(refusal(new Uint8Array([0x3c, 0, 0x74, 0]))).toMatchObject({ code: 'tmx.encoding' })
  })

  test('refuses a text run over the limit as it arrives, before the parser holds it', () => {
    const limits = { ...DEFAULT_TMX_LIMITS, maxRunChars: 1000 }
    const huge = wrap(`<tu><tuv xml:lang="ru"><seg>${'я'.repeat(5000)}</seg></tuv></tu>`)
    expect(refusal(huge, limits)).toMatchObject({ code: 'tmx.too_large', line: 3 })
  })

  test('refuses a unit over the limit and too many variants', () => {
    const tuv = '<tuv xml:lang="ru"><seg>слово слово</seg></tuv>'
    const limits = { ...DEFAULT_TMX_LIMITS, maxUnitChars: 30, maxVariants: 3 }
    expect(
      refusal(wrap(`<tu>${tuv.repeat(3)}</tu>`), { ...limits, maxVariants: 10 }),
    ).toMatchObject({
      code: 'tmx.too_large',
    })
    expect(
      refusal(wrap(`<tu>${tuv.repeat(4)}</tu>`), { ...limits, maxUnitChars: 10_000 }),
    ).toMatchObject({
      code: 'tmx.too_large',
    })
  })
})

describe('mapping language variants', () => {
  const project = ['ru', 'kk', 'ar', 'kk-Latn']
  test.each([
    ['kk-KZ', 'kk'],
    ['kk-Cyrl-KZ', 'kk'],
    ['KK-kz', 'kk'],
    ['kk-latn-kz', 'kk-Latn'],
    ['ar-SA', 'ar'],
    ['ru-RU', 'ru'],
    ['en-US', null],
    ['not a tag', null],
  ])('%s is %s', (tag, expected) => {
    expect(mapLanguage(tag, project)).toBe(expected)
  })
})
