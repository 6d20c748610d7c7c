import { describe, expect, test } from 'vitest'
import { SEGMENT_STATUSES } from '@qalam/shared/model'
import { ACTING_ROLES } from '@qalam/shared/workflow'
import { INTERFACE_LANGUAGES, resources } from './resources.ts'

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  )
}

function valueAt(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[key]
          : undefined,
      tree,
    )
}

const english = resources.en.translation
const contractErrorCodes = [
  'import.missing_file',
  'import.empty',
  'import.not_utf8',
  'import.binary',
  'import.too_large',
  'import.unknown_language',
  'import.no_segments',
  'import.same_language',
  'import.undecodable',
  'align.empty_side',
  'align.empty_source',
  'request.invalid',
  'request.too_large',
  'request.cross_site',
  'import.busy',
  'import.too_complex',
  'import.failed',
  'document.not_found',
  'export.unknown_format',
  'export.unrepresentable',
  'export.busy',
  'internal',
  'auth.required',
  'auth.forbidden',
  'auth.invalid_credentials',
  'auth.rate_limited',
  'auth.username_taken',
  'project.not_found',
  'user.not_found',
  'member.exists',
]

describe('locales', () => {
  test.each(INTERFACE_LANGUAGES)('%s has exactly the keys of the English locale', (language) => {
    expect(keysOf(resources[language].translation).sort()).toEqual(keysOf(english).sort())
  })

  test.each(INTERFACE_LANGUAGES)('%s has no empty message', (language) => {
    for (const key of keysOf(resources[language].translation)) {
      expect(valueAt(resources[language].translation, key), key).toMatch(/\S/)
    }
  })

  test.each(INTERFACE_LANGUAGES)('%s keeps every interpolation variable of English', (language) => {
    for (const key of keysOf(english)) {
      const variables = (text: unknown) =>
        String(text)
          .match(/{{\w+}}/g)
          ?.sort() ?? []
      expect(variables(valueAt(resources[language].translation, key)), key).toEqual(
        variables(valueAt(english, key)),
      )
    }
  })

  test('every error code of the HTTP contract has a message', () => {
    for (const code of contractErrorCodes)
      expect(valueAt(english, `errors.${code}`), code).toBeTypeOf('string')
  })

  test('every role has a name', () => {
    for (const role of ACTING_ROLES) expect(valueAt(english, `roles.${role}`)).toBeTypeOf('string')
  })

  test('every segment status has a name', () => {
    for (const status of SEGMENT_STATUSES)
      expect(valueAt(english, `status.${status}`)).toBeTypeOf('string')
  })
})
