export * from './schema.ts'
export * from './origin.ts'
export * from './document.ts'
export { readLexicalText, writeLexicalText } from './targetText.ts'
