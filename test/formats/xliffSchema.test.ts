import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import {
  XLIFF20_NS,
  createXliff12,
  createXliff20,
  parseXliff12,
  parseXliff20,
  scanXml,
  writeXliff12,
  writeXliff20,
  type XliffDocumentInput,
  type XmlElement,
} from '@qalam/shared/formats'
import { transformTarget } from './transformTarget.ts'

/*
 * Our XLIFF 1.2 validates against the OASIS strict schema (xmllint, from Debian's
 * libxml2-utils, which `npm test` installs when missing); our XLIFF 2.0 keeps the
 * specification's constraints, checked here one by one.
 */

const SCHEMA = join(import.meta.dirname, '../fixtures/schemas/xliff-core-1.2-strict.xsd')
const FIXTURES = join(import.meta.dirname, '../fixtures/xliff')
const work = mkdtempSync(join(tmpdir(), 'qalam-xliff-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** xmllint's verdict on `xml`: '' when valid, its complaints otherwise. */
function schemaErrors(xml: string): string {
  const file = join(work, `file-${Math.random().toString(36).slice(2)}.xlf`)
  writeFileSync(file, xml)
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { stdio: 'pipe' })
    return ''
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error)
  }
}

const document: XliffDocumentInput = {
  title: 'Абай жолы <1>',
  sourceLang: 'ru',
  targetLang: 'kk-Latn',
  segments: [
    {
      source: { text: 'Мальчик вернулся домой.', tags: [] },
      target: { text: 'Bala üige oraldy.', tags: [] },
      status: 'approved',
      tags: [],
      notes: ['Глава 1 & «начало»'],
    },
    {
      source: {
        text: 'Мать ждала его у окна.',
        tags: [
          { kind: 'open', n: 1, offset: 5 },
          { kind: 'close', n: 1, offset: 10 },
          { kind: 'standalone', n: 2, offset: 22 },
        ],
      },
      // The translator left the close tag out: written as an isolated code.
      target: { text: 'Anasy ony terezede kütti.', tags: [{ kind: 'open', n: 1, offset: 0 }] },
      status: 'draft',
      tags: [
        { kind: 'open', n: 1, label: 'bold', display: '<b>', data: '' },
        { kind: 'close', n: 1, label: 'bold', display: '</b>', data: '' },
        { kind: 'standalone', n: 2, label: 'br', display: '<br/>', data: '' },
      ],
      notes: [],
    },
    {
      source: { text: 'Была осень.', tags: [] },
      target: { text: '', tags: [] },
      status: 'new',
      tags: [],
      notes: [],
    },
  ],
}

describe('XLIFF 1.2 against the OASIS strict schema', () => {
  test('a new file made from a document is valid', () => {
    const xml = createXliff12(document)
    expect(schemaErrors(xml)).toBe('')
    expect(parseXliff12(xml).segments.map((segment) => segment.status)).toEqual([
      'approved',
      'draft',
      'new',
    ])
  })

  test('a hand-written file stays valid once every target is filled and exported', () => {
    const original = readFileSync(join(FIXTURES, 'features-1.2.xlf'), 'utf8')
    expect(schemaErrors(original)).toBe('')
    const parsed = parseXliff12(original)
    const exported = writeXliff12(
      original,
      parsed.segments.map((segment) => ({
        target: transformTarget({ text: segment.source, tags: [...(segment.sourceTags ?? [])] }),
        status: 'approved',
        tags: segment.tags ?? [],
      })),
      'kk',
    )
    expect(schemaErrors(exported)).toBe('')
  })

  test('the check would catch an invalid file', () => {
    expect(schemaErrors(createXliff12(document).replace('<body>', '<body><bogus/>'))).toContain(
      'bogus',
    )
  })
})

/** Every violation of the XLIFF 2.0 core constraints we write to, as sentences. */
function xliff20Violations(xml: string): string[] {
  const problems: string[] = []
  const root = scanXml(xml).root
  const all = (element: XmlElement, local: string): XmlElement[] =>
    element.children.flatMap((child) =>
      child.kind !== 'element'
        ? []
        : [
            ...(child.local === local && child.uri === XLIFF20_NS ? [child] : []),
            ...all(child, local),
          ],
    )
  const unique = (ids: string[], where: string) => {
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) problems.push(`${where}: id "${id}" is not unique`)
      seen.add(id)
    }
  }
  if (root.attributes.version !== '2.0') problems.push('version is not 2.0')
  if (!root.attributes.srcLang) problems.push('srcLang is missing')
  const files = all(root, 'file')
  unique(
    files.map((file) => file.attributes.id ?? ''),
    'files',
  )
  for (const file of files) {
    const units = all(file, 'unit')
    unique(
      units.map((unit) => unit.attributes.id ?? ''),
      `file ${file.attributes.id}`,
    )
    for (const unit of units) {
      const where = `unit ${unit.attributes.id}`
      const parts = [...all(unit, 'segment'), ...all(unit, 'ignorable')]
      unique(
        parts.flatMap((part) => (part.attributes.id ? [part.attributes.id] : [])),
        where,
      )
      const data = all(unit, 'data').map((element) => element.attributes.id ?? '')
      unique(data, `${where} originalData`)
      const known = new Set(data)
      for (const source of all(unit, 'source')) {
        const codes = ['pc', 'sc', 'ph', 'mrk', 'sm'].flatMap((local) => all(source, local))
        unique(
          codes.map((code) => code.attributes.id ?? ''),
          `${where} source codes`,
        )
      }
      for (const code of [
        ...all(unit, 'pc'),
        ...all(unit, 'sc'),
        ...all(unit, 'ec'),
        ...all(unit, 'ph'),
      ]) {
        for (const ref of ['dataRef', 'dataRefStart', 'dataRefEnd']) {
          const value = code.attributes[ref]
          if (value !== undefined && !known.has(value)) {
            problems.push(`${where}: ${code.local} ${ref}="${value}" names no <data>`)
          }
        }
        if (code.local === 'ec' && code.attributes.isolated === 'yes' && !code.attributes.id) {
          problems.push(`${where}: an isolated <ec> has no id`)
        }
        if (
          code.local === 'ec' &&
          code.attributes.isolated !== 'yes' &&
          !code.attributes.startRef
        ) {
          problems.push(`${where}: an <ec> has neither startRef nor isolated="yes"`)
        }
      }
      for (const segment of all(unit, 'segment')) {
        const can = segment.attributes.canResegment
        if (can !== undefined && can !== 'yes' && can !== 'no') {
          problems.push(`${where}: canResegment="${can}"`)
        }
        const state = segment.attributes.state
        if (
          state !== undefined &&
          !['initial', 'translated', 'reviewed', 'final'].includes(state)
        ) {
          problems.push(`${where}: state="${state}"`)
        }
        if (segment.attributes.subState !== undefined && state === undefined) {
          problems.push(`${where}: subState without state`)
        }
      }
      if (all(unit, 'target').length > 0 && !root.attributes.trgLang) {
        problems.push(`${where}: a target in a file without trgLang`)
      }
    }
  }
  return problems
}

describe('XLIFF 2.0 constraints', () => {
  test('a new file made from a document keeps them', () => {
    const xml = createXliff20(document)
    expect(xliff20Violations(xml)).toEqual([])
    expect(parseXliff20(xml).segments.map((segment) => segment.tags?.length)).toEqual([0, 3, 0])
  })

  test('a hand-written file keeps them once every target is filled and exported', () => {
    const original = readFileSync(join(FIXTURES, 'features-2.0.xlf'), 'utf8')
    const withoutTargetLanguage = original.replace(' trgLang="kk"', '')
    expect(xliff20Violations(original)).toEqual([])
    const parsed = parseXliff20(withoutTargetLanguage)
    const exported = writeXliff20(
      withoutTargetLanguage,
      parsed.segments.map((segment) => ({
        target: transformTarget({ text: segment.source, tags: [...(segment.sourceTags ?? [])] }),
        status: 'approved',
        tags: segment.tags ?? [],
      })),
      'kk',
    )
    expect(xliff20Violations(exported)).toEqual([])
    expect(exported).toContain('canResegment="no"')
    expect(exported).toContain('trgLang="kk"')
  })

  test('the check would catch a broken file', () => {
    const broken = createXliff20(document).replace('dataRef="d2s"', 'dataRef="nowhere"')
    expect(xliff20Violations(broken)).toEqual(['unit u2: ph dataRef="nowhere" names no <data>'])
  })
})
