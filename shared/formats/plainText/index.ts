export {
  parsePlainText,
  rebuildPlainText,
  type ParsedPlainText,
  type RebuildPiece,
} from './plainText.ts'
