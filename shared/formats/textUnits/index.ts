export type { TextUnit, UnitTag } from './types.ts'
export { segmentUnits } from './segmentUnits.ts'
export {
  segmentsByUnit,
  sourceSpans,
  writeUnit,
  type UnitSegment,
  type UnitWriter,
} from './writeUnits.ts'
export {
  MarkupError,
  MAX_MARKUP_DEPTH,
  MAX_UNIT_CHARS,
  type MarkupErrorCode,
} from './markupError.ts'
