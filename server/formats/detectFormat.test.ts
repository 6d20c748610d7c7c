import { describe, expect, test } from 'vitest'
import { requireImportFormat } from '../http/xliffDocuments.ts'
import { detectFormat } from './detectFormat.ts'

const text = (value: string) => new TextEncoder().encode(value)
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00])
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00])
const HTML = text('<!DOCTYPE html>\n<html><body><p>Опись фонда.</p></body></html>\n')
const MARKDOWN = text('# Опись фонда\n\n- первая *часть*\n- вторая [ссылка](http://a.kz)\n')
const PLAIN = text('Опись фонда 12.\nДело 4: письма.\n')
const XLIFF = text(
  '<?xml version="1.0"?>\n<xliff version="2.0" srcLang="ru"><file id="f"/></xliff>',
)

const codeOf = (run: () => unknown): unknown => {
  try {
    run()
  } catch (error) {
    return (error as { code?: unknown }).code
  }
  return null
}

describe('detectFormat', () => {
  test('tells each kind of upload from its content', () => {
    expect(detectFormat(ZIP)).toBe('docx')
    expect(detectFormat(OLE)).toBe('ole')
    expect(detectFormat(XLIFF)).toBe('xliff20')
    expect(detectFormat(HTML)).toBe('html')
    expect(detectFormat(MARKDOWN)).toBe('md')
    expect(detectFormat(PLAIN)).toBe('txt')
    expect(detectFormat(new Uint8Array([0x41, 0x00, 0x42, 0x01]))).toBe('binary')
  })
})

describe('requireImportFormat', () => {
  test('takes what the content shows when nothing is asked', () => {
    expect(requireImportFormat(ZIP, undefined)).toBe('docx')
    expect(requireImportFormat(HTML, 'auto')).toBe('html')
    expect(requireImportFormat(MARKDOWN, undefined)).toBe('md')
  })

  test('lets the user read any text as plain text, Markdown or HTML', () => {
    expect(requireImportFormat(MARKDOWN, 'txt')).toBe('txt')
    expect(requireImportFormat(PLAIN, 'md')).toBe('md')
    expect(requireImportFormat(HTML, 'txt')).toBe('txt')
  })

  test('refuses an encrypted Word file whatever is asked, and a choice the content contradicts', () => {
    expect(codeOf(() => requireImportFormat(OLE, undefined))).toBe('import.encrypted')
    expect(codeOf(() => requireImportFormat(OLE, 'docx'))).toBe('import.encrypted')
    expect(codeOf(() => requireImportFormat(ZIP, 'html'))).toBe('import.format_mismatch')
    expect(codeOf(() => requireImportFormat(PLAIN, 'docx'))).toBe('import.format_mismatch')
    expect(codeOf(() => requireImportFormat(PLAIN, 'xliff12'))).toBe('import.format_mismatch')
  })
})
