/** An HTML file's encoding as its bytes declare it, and the length of its byte-order mark. */
export interface HtmlCharset {
  /** Lower-case label (`utf-8`, `utf-16le`, `windows-1251`…); `utf-8` when nothing is declared. */
  encoding: string
  bomLength: number
  /** Whether a BOM or a `<meta>` named the encoding (else it is UTF-8 by default). */
  isDeclared: boolean
}

/** How far the HTML standard's prescan looks for a `<meta>` charset. */
const PRESCAN_BYTES = 1024

const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i

/*
 * The WHATWG encoding standard maps ISO-8859-1 and ASCII labels to windows-1252, which every
 * browser reads such pages in; other labels are taken as named.
 */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'x-cp1251': 'windows-1251',
  cp1251: 'windows-1251',
}

/**
 * The encoding of an HTML file: a byte-order mark, else a `<meta charset>` or `<meta
 * http-equiv="Content-Type" content="…; charset=…">` in the first 1024 bytes (the standard's
 * prescan), else UTF-8.
 */
export function htmlCharset(bytes: Uint8Array): HtmlCharset {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', bomLength: 3, isDeclared: true }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', bomLength: 2, isDeclared: true }
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', bomLength: 2, isDeclared: true }
  let head = ''
  for (const byte of bytes.subarray(0, PRESCAN_BYTES)) head += String.fromCharCode(byte)
  const label = META_CHARSET.exec(head)?.[1]?.toLowerCase()
  if (label === undefined) return { encoding: 'utf-8', bomLength: 0, isDeclared: false }
  // A page saying UTF-16 in ASCII bytes is not UTF-16: the standard reads it as UTF-8.
  const encoding = label.startsWith('utf-16') ? 'utf-8' : (ALIASES[label] ?? label)
  return { encoding, bomLength: 0, isDeclared: true }
}
