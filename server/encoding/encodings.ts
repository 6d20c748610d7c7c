export { ENCODINGS, isEncoding, type Encoding } from '@qalam/shared/api'

/** The single-byte code pages, among which detection has to choose by the letters they yield. */
export const SINGLE_BYTE_ENCODINGS = ['windows-1251', 'koi8-r', 'windows-1256'] as const
