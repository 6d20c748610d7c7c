/**
 * Whether a text reads as Markdown rather than plain prose: at least two kinds of Markdown
 * structure among ATX headings, list items, fenced code, links, emphasis, block quotes,
 * tables and front matter. Plain text and Markdown are both text, so this only proposes:
 * the user's choice of format decides.
 */
export function looksLikeMarkdown(head: string): boolean {
  const signs = [
    /^#{1,6} \S/m,
    /^\s{0,3}[-*+] \S/m,
    /^\s{0,3}(```|~~~)/m,
    /\[[^\]\n]+\]\([^)\s]+\)/,
    /(\*\*|__)\S[^\n]*?\S\1/,
    /^\s{0,3}> \S/m,
    /^\|?[ \t]*:?-{3,}:?[ \t]*\|/m,
    /^---\r?\n[\s\S]*?\r?\n---\r?\n/,
  ]
  return signs.filter((sign) => sign.test(head)).length >= 2
}
