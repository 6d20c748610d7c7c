export * from './schema.ts'
export * from './origin.ts'
export * from './document.ts'
export { keepStructsCompact } from './compactStructs.ts'
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
export {
  readTargetContent,
  writeTargetContent,
  type TargetContent,
  type TargetPiece,
} from './targetText.ts'
export * from './repetitions.ts'
export * from './suggestions.ts'
export { segmentSuggestions } from './readSuggestions.ts'
export {
  markedPieces,
  markedText,
  parseMarkedText,
  tagMarker,
  type MarkedPiece,
} from './tagMarkers.ts'
