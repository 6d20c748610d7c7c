import iconv from 'iconv-lite'
import { describe, expect, test } from 'vitest'
import { detectEncoding } from './detectEncoding.ts'
import type { Encoding } from './encodings.ts'
import { decodeBytes, encodeText, UndecodableError, UnrepresentableError } from './transcode.ts'

const RUSSIAN_SHORT = 'Привет, мир.'
const RUSSIAN_LONG =
  'Архив хранит письма, дневники и рукописи начала прошлого века. Каталог составлен заново: ' +
  'каждая единица хранения получила шифр, дату и краткое описание содержания.\n' +
  'Читатели могут заказать копии через библиотеку.'
const ARABIC_SHORT = 'مرحبا بالعالم.'
const ARABIC_LONG =
  'تحفظ المكتبة الوطنية آلاف المخطوطات العربية القديمة في الفقه واللغة والتاريخ. ' +
  'وقد بدأ فريق من المترجمين فهرسة هذه المجموعة وترجمة أوصافها إلى اللغة الكازاخية.'

function bytesOf(text: string, encoding: Encoding, bom = false): Uint8Array {
  return new Uint8Array(iconv.encode(text, encoding, { addBOM: bom }))
}

describe('detectEncoding', () => {
  const cases: Array<[string, string, Encoding]> = [
    ['short Russian', RUSSIAN_SHORT, 'windows-1251'],
    ['long Russian', RUSSIAN_LONG, 'windows-1251'],
    ['short Russian', RUSSIAN_SHORT, 'koi8-r'],
    ['long Russian', RUSSIAN_LONG, 'koi8-r'],
    ['short Arabic', ARABIC_SHORT, 'windows-1256'],
    ['long Arabic', ARABIC_LONG, 'windows-1256'],
  ]
  test.each(cases)('recognises %s in %s', (_name, text, encoding) => {
    const detected = detectEncoding(bytesOf(text, encoding))
    expect(detected.encoding).toBe(encoding)
    expect(decodeBytes(bytesOf(text, encoding), detected.encoding)).toBe(text)
  })

  test.each(['utf-16le', 'utf-16be'] as const)(
    'recognises %s with and without a byte-order mark, for Cyrillic, Arabic and Latin text',
    (encoding) => {
      for (const text of [RUSSIAN_SHORT, RUSSIAN_LONG, ARABIC_SHORT, 'Plain English text.']) {
        expect(detectEncoding(bytesOf(text, encoding, true))).toEqual({ encoding, confidence: 1 })
        expect(detectEncoding(bytesOf(text, encoding)).encoding, text).toBe(encoding)
      }
    },
  )

  test('takes valid UTF-8 as UTF-8, certain when it has non-ASCII characters', () => {
    expect(detectEncoding(new TextEncoder().encode(RUSSIAN_SHORT))).toEqual({
      encoding: 'utf-8',
      confidence: 1,
    })
    expect(detectEncoding(new TextEncoder().encode('ASCII only')).encoding).toBe('utf-8')
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).encoding).toBe('utf-8')
  })

  test('a KOI8-R file is not taken for windows-1251 even when short (their letter cases swap)', () => {
    for (const word of ['Да.', 'Москва', 'Ёлка и ель.']) {
      expect(detectEncoding(bytesOf(word, 'koi8-r')).encoding, word).toBe('koi8-r')
      expect(detectEncoding(bytesOf(word, 'windows-1251')).encoding, word).toBe('windows-1251')
    }
  })
})

describe('decodeBytes and encodeText', () => {
  test('round-trips text through every single-byte code page it fits', () => {
    for (const encoding of ['windows-1251', 'koi8-r'] as const) {
      expect(decodeBytes(encodeText(RUSSIAN_LONG, encoding), encoding)).toBe(RUSSIAN_LONG)
    }
    expect(decodeBytes(encodeText(ARABIC_LONG, 'windows-1256'), 'windows-1256')).toBe(ARABIC_LONG)
  })

  test('lists each character an encoding cannot hold, once, instead of replacing it', () => {
    const kazakh = 'Қазақ әдебиеті және Қарағанды'
    const error = (() => {
      try {
        encodeText(kazakh, 'windows-1251')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(UnrepresentableError)
    expect((error as UnrepresentableError).characters).toEqual(['Қ', 'қ', 'ә', 'ғ'])
  })

  test('refuses bytes that are not valid in the chosen encoding', () => {
    expect(() => decodeBytes(new Uint8Array([0xd0]), 'utf-8')).toThrow(UndecodableError)
    expect(() => decodeBytes(new Uint8Array([0x41, 0x00, 0x42]), 'utf-16le')).toThrow(
      UndecodableError,
    )
    expect(() => decodeBytes(new Uint8Array([0x98]), 'windows-1251')).toThrow(UndecodableError)
  })
})
