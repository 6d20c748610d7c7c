import { zipSync, strToU8 } from 'fflate'
import { describe, expect, test } from 'vitest'
import {
  DEFAULT_ZIP_LIMITS,
  ZipError,
  detectContainer,
  hasMacros,
  readZip,
  writeZip,
  type ZipErrorCode,
} from './index.ts'

function archiveOf(files: Array<[string, string | Uint8Array]>): Uint8Array {
  return writeZip(
    files.map(([name, data]) => ({
      kind: 'new',
      name,
      data: typeof data === 'string' ? strToU8(data) : data,
    })),
  )
}

function refusal(run: () => unknown): ZipErrorCode {
  try {
    run()
  } catch (error) {
    if (error instanceof ZipError) return error.code
    throw error
  }
  throw new Error('expected a ZipError')
}

/** Offset of the first central directory record. */
function centralStart(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return view.getUint32(bytes.length - 22 + 16, true)
}

describe('readZip', () => {
  test('reads entries written by fflate, in any order, with their content', () => {
    const bytes = zipSync({ 'b/two.xml': strToU8('<two/>'), 'a.txt': strToU8('one') })
    const archive = readZip(bytes)
    expect(archive.entries.map((entry) => entry.name)).toEqual(['b/two.xml', 'a.txt'])
    expect(archive.readText(archive.entry('a.txt')!)).toBe('one')
    expect(archive.readText(archive.entry('b/two.xml')!)).toBe('<two/>')
  })

  test('writes copied entries with the same compressed bytes', () => {
    const original = readZip(archiveOf([['keep.xml', '<a>' + 'x'.repeat(5000) + '</a>']]))
    const kept = original.entry('keep.xml')!
    const rebuilt = readZip(
      writeZip([
        { kind: 'copy', entry: kept },
        { kind: 'new', name: 'new.xml', data: strToU8('<n/>') },
      ]),
    )
    expect(rebuilt.entry('keep.xml')!.compressed).toEqual(kept.compressed)
    expect(rebuilt.readText(rebuilt.entry('new.xml')!)).toBe('<n/>')
  })

  test('refuses a zip bomb by its declared compression ratio', () => {
    const bytes = zipSync({ 'bomb.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 })
    expect(refusal(() => readZip(bytes))).toBe('ratio')
  })

  test('refuses an entry that inflates past the size its header declares', () => {
    const bytes = zipSync({ 'bomb.xml': new Uint8Array(4 * 1024 * 1024) }, { level: 9 })
    // Declare 1000 bytes in the central directory: the ratio check passes, inflating must not.
    const view = new DataView(bytes.buffer)
    view.setUint32(centralStart(bytes) + 24, 1000, true)
    const archive = readZip(bytes)
    expect(refusal(() => archive.read(archive.entry('bomb.xml')!))).toBe('ratio')
  })

  test('refuses archives over the entry count and total size limits', () => {
    const many = archiveOf(
      Array.from({ length: 5 }, (_, i) => [`f${i}.txt`, 'x'] as [string, string]),
    )
    expect(refusal(() => readZip(many, { ...DEFAULT_ZIP_LIMITS, maxEntries: 4 }))).toBe(
      'too_many_entries',
    )
    const big = archiveOf([
      ['a.bin', new Uint8Array(3000)],
      ['b.bin', new Uint8Array(3000)],
    ])
    expect(refusal(() => readZip(big, { ...DEFAULT_ZIP_LIMITS, maxTotalSize: 5000 }))).toBe(
      'too_large',
    )
    expect(refusal(() => readZip(big, { ...DEFAULT_ZIP_LIMITS, maxEntrySize: 2000 }))).toBe(
      'entry_too_large',
    )
  })

  test('refuses path traversal, absolute paths, drive and backslash names', () => {
    expect(refusal(() => readZip(archiveOf([['word/../../evil.xml', 'x']])))).toBe('traversal')
    expect(refusal(() => readZip(archiveOf([['/etc/passwd', 'x']])))).toBe('absolute_path')
    expect(refusal(() => readZip(archiveOf([['C:/evil.xml', 'x']])))).toBe('absolute_path')
    expect(refusal(() => readZip(archiveOf([['word\\evil.xml', 'x']])))).toBe('bad_name')
  })

  test('refuses duplicate names, also when only the letter case differs', () => {
    expect(
      refusal(() =>
        readZip(
          archiveOf([
            ['a.xml', '1'],
            ['a.xml', '2'],
          ]),
        ),
      ),
    ).toBe('duplicate')
    expect(
      refusal(() =>
        readZip(
          archiveOf([
            ['word/A.xml', '1'],
            ['Word/a.xml', '2'],
          ]),
        ),
      ),
    ).toBe('duplicate')
  })

  test('refuses encrypted entries', () => {
    const bytes = archiveOf([['secret.xml', 'x']])
    const view = new DataView(bytes.buffer)
    const at = centralStart(bytes)
    view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true)
    expect(refusal(() => readZip(bytes))).toBe('encrypted')
  })

  test('refuses corrupt archives: truncated, not a zip, damaged data', () => {
    const bytes = archiveOf([['a.xml', '<a>' + 'hello '.repeat(100) + '</a>']])
    expect(refusal(() => readZip(bytes.subarray(0, bytes.length - 10)))).toBe('corrupt')
    expect(refusal(() => readZip(strToU8('just some text, not a zip at all')))).toBe('corrupt')
    const damaged = bytes.slice()
    damaged[40] = damaged[40]! ^ 0xff
    damaged[41] = damaged[41]! ^ 0xff
    const archive = readZip(damaged)
    expect(refusal(() => archive.read(archive.entry('a.xml')!))).toBe('corrupt')
  })
})

describe('detectContainer and hasMacros', () => {
  test('tells a zip from an OLE compound file and from anything else', () => {
    expect(detectContainer(archiveOf([['a', 'b']]))).toBe('zip')
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])
    expect(detectContainer(ole)).toBe('ole')
    expect(detectContainer(strToU8('hello'))).toBe('other')
  })

  test('finds a VBA project or a macro-enabled content type', () => {
    const types = (main: string): string =>
      `<Types><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`
    const plain = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
    const macro = 'application/vnd.ms-word.document.macroEnabled.main+xml'
    expect(hasMacros(readZip(archiveOf([['[Content_Types].xml', types(plain)]])))).toBe(false)
    expect(hasMacros(readZip(archiveOf([['[Content_Types].xml', types(macro)]])))).toBe(true)
    expect(
      hasMacros(
        readZip(
          archiveOf([
            ['[Content_Types].xml', types(plain)],
            ['word/vbaProject.bin', new Uint8Array([1, 2, 3])],
          ]),
        ),
      ),
    ).toBe(true)
  })
})
