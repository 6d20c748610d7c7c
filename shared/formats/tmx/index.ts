export {
  TmxError,
  type InlineTag,
  type TaggedText,
  type TmxErrorCode,
  type TmxHeader,
  type TmxUnit,
  type TmxVariant,
} from './types.ts'
export {
  createTmxParser,
  DEFAULT_TMX_LIMITS,
  type TmxHandlers,
  type TmxLimits,
  type TmxParser,
} from './parseTmx.ts'
export { segContent, tmxEnd, tmxStart, tmxUnit } from './writeTmx.ts'
export { parseTmxDate, formatTmxDate } from './tmxDate.ts'
export { mapLanguage } from './mapLanguage.ts'
export { documentTmx, tmxTagged, type TmxSegment } from './documentTmx.ts'
