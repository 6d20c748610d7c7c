import { expect, test } from 'vitest'
import { attachmentDisposition } from './contentDisposition.ts'

test('keeps an ASCII name as is in both parameters', () => {
  expect(attachmentDisposition('report.kk.txt')).toBe(
    `attachment; filename="report.kk.txt"; filename*=UTF-8''report.kk.txt`,
  )
})

test('carries a non-ASCII name in filename* and an ASCII stand-in in filename', () => {
  const header = attachmentDisposition('Архив "2024".ar.txt')
  expect(header).toContain(`filename="_____ _2024_.ar.txt"`)
  const encoded = /filename\*=UTF-8''(.*)$/.exec(header)![1]!
  expect(decodeURIComponent(encoded)).toBe('Архив "2024".ar.txt')
})

test('never lets a path separator or line break into the name', () => {
  const header = attachmentDisposition('../etc/passwd\r\nX: y')
  expect(header).not.toMatch(/[\r\n/\\]/)
})
