/**
 * Which XLIFF a decoded text is, from its root element alone: `xliff12` for version 1.2,
 * `xliff20` for 2.x, `other-xliff` for any other version, null when the text is not XLIFF.
 * Looks at the start of the text only (after comments and processing instructions); the
 * parser checks the rest.
 */
export function detectXliffVersion(text: string): 'xliff12' | 'xliff20' | 'other-xliff' | null {
  const head = text.slice(0, 65_536).replace(/^\uFEFF/, '')
  const root =
    /^\s*(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)*<([A-Za-z_][\w.-]*:)?xliff\b([^>]*)>/.exec(
      head,
    )
  if (!root) return null
  const version = /\sversion\s*=\s*["']([^"']*)["']/.exec(root[2] ?? '')?.[1]
  if (version === '1.2') return 'xliff12'
  if (version !== undefined && /^2\.\d$/.test(version)) return 'xliff20'
  return 'other-xliff'
}
