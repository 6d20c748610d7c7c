/**
 * The encodings an import may be read in and an export written in: UTF-8, UTF-16 in both byte
 * orders, and the single-byte code pages that Russian, Kazakh and Arabic archives were kept in.
 */
export const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1251',
  'koi8-r',
  'windows-1256',
] as const

export type Encoding = (typeof ENCODINGS)[number]

export function isEncoding(value: unknown): value is Encoding {
  return typeof value === 'string' && (ENCODINGS as readonly string[]).includes(value)
}

/** The single-byte code pages, among which detection has to choose by the letters they yield. */
export const SINGLE_BYTE_ENCODINGS = ['windows-1251', 'koi8-r', 'windows-1256'] as const
