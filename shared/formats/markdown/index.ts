export { readMarkdown, type MarkdownLayout, type MarkdownUnit } from './readMarkdown.ts'
export { parseMarkdown } from './parseMarkdown.ts'
export { writeMarkdown } from './writeMarkdown.ts'
export { looksLikeMarkdown } from './looksLikeMarkdown.ts'
