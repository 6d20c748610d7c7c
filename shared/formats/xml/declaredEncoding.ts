/** How the bytes of an XML file say they are encoded. */
export interface XmlEncodingGuess {
  /** Lower-case name: `utf-8`, `utf-16le`, `utf-16be`, or what the prolog declares. */
  encoding: string
  /** Bytes of a byte-order mark at the start (0 when none). */
  bomLength: number
}

const PROLOG_BYTES = 512

/**
 * The encoding of an XML file by the rules of XML 1.0 appendix F: a byte-order mark, else the
 * pattern of `<?xml` in UTF-16, else the `encoding` of the XML declaration, else UTF-8.
 * Reads only the first bytes; never decodes the file.
 */
export function declaredXmlEncoding(bytes: Uint8Array): XmlEncodingGuess {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]]
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 }
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 }
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 }
  if (b0 === 0x3c && b1 === 0x00) return { encoding: 'utf-16le', bomLength: 0 }
  if (b0 === 0x00 && b1 === 0x3c) return { encoding: 'utf-16be', bomLength: 0 }
  // ASCII-compatible: the declaration is ASCII whatever the encoding that follows.
  let prolog = ''
  for (const byte of bytes.subarray(0, PROLOG_BYTES)) prolog += String.fromCharCode(byte)
  const declaration = /^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(prolog)
  const declared = declaration?.[1]?.toLowerCase()
  if (!declared || declared === 'utf8') return { encoding: 'utf-8', bomLength: 0 }
  return { encoding: declared, bomLength: 0 }
}
