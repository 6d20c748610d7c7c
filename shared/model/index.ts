export * from './schema.ts'
export * from './origin.ts'
export * from './document.ts'
export {
  NODE_TYPE_KEY,
  TARGET_NODE_TYPES,
  readLexicalText,
  writeLexicalText,
} from './targetText.ts'
export {
  readTargetContent,
  writeTargetContent,
  type TargetContent,
  type TargetPiece,
} from './targetText.ts'
export * from './repetitions.ts'
