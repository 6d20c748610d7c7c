/** Elements that open an HTML page or fragment as its first element. */
const FIRST_ELEMENTS =
  /^<(html|head|body|meta|title|link|div|p|h[1-6]|section|article|main|header|nav|table|ul|ol|span|a|img|form|script|style|!--)[\s/>]/i

/**
 * Whether a text's start is HTML: a doctype, an `<html>` element, or a known HTML element as
 * the first thing after blanks (and comments). Markdown that begins with a paragraph of text
 * is not taken for HTML even when it holds tags further on.
 */
export function looksLikeHtml(head: string): boolean {
  const start = head.replace(/^\uFEFF/, '').trimStart()
  if (/^<!doctype\s+html/i.test(start)) return true
  if (/^<\?xml[^>]*>\s*<!doctype\s+html/i.test(start)) return true
  if (/<html[\s>]/i.test(start.slice(0, 2048)) && start.startsWith('<')) return true
  const afterComments = start.replace(/^(<!--[\s\S]*?-->\s*)+/, '')
  return FIRST_ELEMENTS.test(afterComments) && !afterComments.startsWith('<!--')
}
