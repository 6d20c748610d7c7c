import { expect, test } from 'vitest'
import { decodeTextFile } from './decodeTextFile.ts'
import type { ImportError } from './errors.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

function codeOf(bytes: Uint8Array): string {
  try {
    decodeTextFile(bytes)
  } catch (error) {
    return (error as ImportError).code
  }
  return 'ok'
}

test('decodes UTF-8 and drops a leading byte order mark', () => {
  expect(decodeTextFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Сәлем\r\n\tмир')]))).toBe(
    'Сәлем\r\n\tмир',
  )
})

test('names why a file is not UTF-8 text', () => {
  expect(codeOf(new Uint8Array([]))).toBe('import.empty')
  expect(codeOf(new Uint8Array([0xef, 0xbb, 0xbf]))).toBe('import.empty')
  expect(codeOf(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe('import.not_utf8')
  expect(codeOf(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toBe('import.not_utf8')
  expect(codeOf(new Uint8Array([0x41, 0x00, 0x42]))).toBe('import.binary')
  expect(codeOf(utf8('text\u0001\u0002\u0003 with controls'))).toBe('import.binary')
})

test('tolerates a rare stray control character in a long text', () => {
  expect(codeOf(utf8('a'.repeat(500) + '\u001a'))).toBe('ok')
})
