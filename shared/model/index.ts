export * from './schema.ts'
export * from './origin.ts'
export * from './document.ts'
export * from './tags.ts'
export {
  NODE_TYPE_KEY,
  TAG_NODE_KEYS,
  TAG_NODE_TYPE,
  TARGET_NODE_TYPES,
  readLexicalTagged,
  readLexicalText,
  writeLexicalText,
} from './targetText.ts'
