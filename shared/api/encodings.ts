/**
 * The encodings an import may be read in and an export written in: UTF-8, UTF-16 in both byte
 * orders, and the single-byte code pages that Russian, Kazakh and Arabic archives were kept in.
 * The names are the WHATWG labels the API accepts and answers with.
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

/** Whether `value` names one of ENCODINGS (lower case, as the API spells them). */
export function isEncoding(value: unknown): value is Encoding {
  return typeof value === 'string' && (ENCODINGS as readonly string[]).includes(value)
}
