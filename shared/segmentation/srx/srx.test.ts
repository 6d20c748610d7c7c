import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { GOLDEN_CASES } from '../golden/index.ts'
import { explainSegmentation, segmentText, type CustomRules } from '../index.ts'
import { builtinSrx, convertIcuRegex, readSrx, SrxError, toJsRegExp, writeSrx } from './index.ts'

const omegatStyle = readFileSync(
  new URL('../../../test/fixtures/srx/omegat-style.srx', import.meta.url),
  'utf8',
)
const texts = (text: string, lang: string, custom?: CustomRules) =>
  segmentText(text, lang, custom).map((segment) => segment.text)

function srxError(run: () => unknown): SrxError {
  try {
    run()
  } catch (error) {
    if (error instanceof SrxError) return error
    throw error
  }
  throw new Error('expected an SrxError')
}

const minimal = (
  rules: string,
  maps = '<languagemap languagepattern=".*" languagerulename="all"/>',
) =>
  `<srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body>
<languagerules><languagerule languagerulename="all">${rules}</languagerule></languagerules>
<maprules>${maps}</maprules></body></srx>`

describe('an SRX file written the way OmegaT and Okapi write them', () => {
  const srx = readSrx(omegatStyle)
  const custom: CustomRules = { srx, exceptions: [] }

  test('reads the header, every language rule in order and the maps', () => {
    expect(srx.cascade).toBe(true)
    expect(srx.languageRules.map((rule) => [rule.name, rule.rules.length])).toEqual([
      ['Russian', 3],
      ['English', 2],
      ['Default', 4],
    ])
    expect(srx.languageRules[0]!.rules[0]).toEqual({
      isBreak: false,
      beforeBreak: '\\bг\\.',
      afterBreak: '\\s',
    })
    expect(srx.languageMaps.map((map) => map.pattern)).toEqual(['RU.*', 'EN.*', '.*'])
  })

  test('segments Russian by its own rules cascading into the default ones', () => {
    expect(
      texts('Архив основан в 1921 г. Он хранит рукописи. См. ул. Ленина; там вход.', 'ru', custom),
    ).toEqual(['Архив основан в 1921 г. Он хранит рукописи.', 'См. ул. Ленина;', 'там вход.'])
    // The built-in rules would have ended the first sentence after `г.`.
    expect(texts('Архив основан в 1921 г. Он хранит рукописи.', 'ru')).toHaveLength(2)
  })

  test('matches language patterns case-insensitively and falls through to the default rules', () => {
    expect(
      texts('Mr. Brown lives in the U.S. Army base. He left, quietly. Then?', 'en-GB', custom),
    ).toEqual(['Mr. Brown lives in the U.S. Army base.', 'He left, quietly.', 'Then?'])
    expect(texts('Dr. Weiß kam. Er ging.', 'de', custom)).toEqual(['Dr.', 'Weiß kam.', 'Er ging.'])
  })

  test('breaks only where a rule says so: SRX has no implicit breaks', () => {
    expect(texts('Одна фраза без точки Вторая', 'ru', custom)).toEqual([
      'Одна фраза без точки Вторая',
    ])
  })

  test('explains each boundary with the rule that decided it', () => {
    const { decisions } = explainSegmentation('Он приехал в г. Тверь. Там жил.', 'ru', custom)
    expect(decisions.map((d) => [d.at, d.isBreak, d.rule, d.detail])).toEqual([
      [15, false, 'srx', 'Russian #1'],
      [22, true, 'srx', 'Default #3'],
    ])
  })

  test('leaves languages without a matching map to the built-in rules', () => {
    const onlyRussian = readSrx(
      minimal(
        '<rule break="yes"><beforebreak>,</beforebreak><afterbreak>\\s</afterbreak></rule>',
        '<languagemap languagepattern="ru.*" languagerulename="all"/>',
      ),
    )
    expect(texts('Да, нет.', 'ru', { srx: onlyRussian, exceptions: [] })).toEqual(['Да,', 'нет.'])
    expect(texts('Mr. Smith left. He came.', 'en', { srx: onlyRussian, exceptions: [] })).toEqual([
      'Mr. Smith left.',
      'He came.',
    ])
  })
})

describe('project exceptions', () => {
  test('a no-break exception keeps a Russian date abbreviation inside the sentence', () => {
    const custom: CustomRules = {
      srx: null,
      exceptions: [
        {
          id: 'e1',
          lang: 'ru',
          rule: { isBreak: false, beforeBreak: '\\bг\\.', afterBreak: '\\s' },
        },
      ],
    }
    const text = 'Архив основан в 1921 г. Он хранит рукописи.'
    expect(texts(text, 'ru', custom)).toEqual([text])
    expect(texts(text, 'ru-RU', custom)).toEqual([text])
    expect(texts('Мұрағат 1921 г. Ол келді.', 'kk', custom)).toHaveLength(2)
    const { decisions } = explainSegmentation(text, 'ru', custom)
    expect(decisions.find((d) => d.at === 23)).toMatchObject({
      isBreak: false,
      rule: 'exception',
      detail: 'exception #1',
    })
  })

  test('a break exception splits where the built-in rules would not', () => {
    const custom: CustomRules = {
      srx: null,
      exceptions: [
        { id: 'e1', lang: 'en', rule: { isBreak: true, beforeBreak: ';', afterBreak: '\\s' } },
      ],
    }
    expect(texts('One; two.', 'en', custom)).toEqual(['One;', 'two.'])
  })
})

describe('ICU regular expressions', () => {
  test('\\b, \\w and \\d are Unicode-aware as in ICU', () => {
    expect(toJsRegExp('\\bг\\.', 'test').test('в 1998 г.')).toBe(true)
    expect(toJsRegExp('\\bг\\.', 'test').test('флаг.')).toBe(false)
    expect(toJsRegExp('^\\w+$', 'test').test('Қазақстан')).toBe(true)
    expect(toJsRegExp('^\\d+$', 'test').test('١٢٣')).toBe(true)
  })

  test('identity escapes, \\x{…}, \\Q…\\E, possessive quantifiers and literal braces convert', () => {
    expect(convertIcuRegex('[\\,\\-]\\x{00A0}', 'test').source).toBe('[,\\-]\\u{00A0}')
    expect(toJsRegExp('\\Qa.b\\E', 'test').test('a.b')).toBe(true)
    expect(toJsRegExp('\\Qa.b\\E', 'test').test('axb')).toBe(false)
    expect(toJsRegExp('^\\d++\\.', 'test').test('12.')).toBe(true)
    expect(toJsRegExp('a{b}', 'test').test('a{b}')).toBe(true)
    expect(toJsRegExp('(?i)abc', 'test').test('ABC')).toBe(true)
    expect(toJsRegExp('\\p{IsCyrillic}+', 'test').test('кк')).toBe(true)
  })

  test('refuses what JavaScript cannot express, naming where', () => {
    expect(srxError(() => toJsRegExp('[a-z&&[^aeiou]]', 'rule 3')).message).toMatch(
      /rule 3: class intersection/,
    )
    expect(srxError(() => toJsRegExp('a(?i)b', 'rule 4')).code).toBe('srx.bad_regex')
    expect(srxError(() => toJsRegExp('(unclosed', 'rule 5')).code).toBe('srx.bad_regex')
  })
})

describe('bad SRX files', () => {
  test.each([
    ['text that is not XML', 'not xml at all', 'srx.not_xml'],
    ['unclosed elements', '<srx version="2.0"><body>', 'srx.not_xml'],
    ['another root element', '<rules/>', 'srx.invalid'],
    ['a DTD that could define entities', '<!DOCTYPE srx [<!ENTITY x "y">]><srx/>', 'srx.invalid'],
    [
      'an undefined entity',
      minimal('<rule><beforebreak>&x;</beforebreak><afterbreak/></rule>'),
      'srx.not_xml',
    ],
    ['an unknown version', '<srx version="3.0"/>', 'srx.invalid'],
    [
      'a map to a missing rule',
      minimal('', '<languagemap languagepattern=".*" languagerulename="none"/>'),
      'srx.invalid',
    ],
    ['no map at all', minimal('', ''), 'srx.invalid'],
    [
      'a bad break value',
      minimal('<rule break="maybe"><beforebreak>a</beforebreak></rule>'),
      'srx.invalid',
    ],
    [
      'a broken regex',
      minimal('<rule><beforebreak>(a</beforebreak><afterbreak/></rule>'),
      'srx.bad_regex',
    ],
    ['a file over the size limit', `<srx>${' '.repeat(1_000_001)}</srx>`, 'srx.too_large'],
  ])('refuses %s', (_name, xml, code) => {
    expect(srxError(() => readSrx(xml)).code).toBe(code)
  })

  test('says on which line and in which rule a regex is broken', () => {
    const error = srxError(() =>
      readSrx(minimal('\n<rule><beforebreak>[a</beforebreak><afterbreak/></rule>')),
    )
    expect(error.message).toMatch(/line 3: rule 1 of "all", <beforebreak>/)
  })
})

describe('the built-in rules as SRX', () => {
  const exported = writeSrx(builtinSrx(), 'test')

  test('reads back to the same rules', () => {
    expect(readSrx(exported)).toEqual(builtinSrx())
  })

  test('segments most golden cases as the built-in engine does', () => {
    const custom: CustomRules = { srx: readSrx(exported), exceptions: [] }
    const cases = Object.entries(GOLDEN_CASES).flatMap(([lang, list]) =>
      list.map((c) => ({ lang, ...c })),
    )
    const agreeing = cases.filter(
      ({ lang, text }) =>
        JSON.stringify(texts(text, lang, custom)) === JSON.stringify(texts(text, lang)),
    )
    expect(agreeing.length / cases.length).toBeGreaterThan(0.7)
  })
})
