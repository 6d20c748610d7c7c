function isPrintableAscii(char: string): boolean {
  const code = char.charCodeAt(0)
  return code >= 0x20 && code < 0x7f
}

/**
 * `attachment` with an ASCII `filename` for old clients and an RFC 5987 `filename*` carrying
 * the real (UTF-8) name, which browsers prefer.
 */
export function attachmentDisposition(fileName: string): string {
  // Control characters and path separators have no business in a saved file's name.
  const safe = [...fileName]
    .map((char) =>
      char.charCodeAt(0) < 0x20 || char === '\u007f' || char === '/' || char === '\\' ? '_' : char,
    )
    .join('')
  const ascii = [...safe]
    .map((char) => (isPrintableAscii(char) && !'"%;'.includes(char) ? char : '_'))
    .join('')
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (char) => '%' + char.charCodeAt(0).toString(16).toUpperCase(),
  )
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
