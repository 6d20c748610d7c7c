/*
 * DOCX (WordprocessingML, Transitional and Strict) in and out.
 *
 *   parseDocx(bytes, { lang, rules, trackedChanges })  -> segments with inline tags
 *   writeDocx(original, segments, targetLang)          -> the original with translations in it
 *
 * Refusals are DocxError (not_docx, encrypted, macros, tracked_changes, malformed, dtd,
 * too_large, mismatch) or, for the zip itself, ZipError from formats/zip.
 */
export { DocxError, type DocxErrorCode } from './docxError.ts'
export {
  parseDocx,
  previewDocx,
  type DocxPreview,
  type DocxImportOptions,
  type ParsedDocx,
  type TrackedChanges,
} from './parseDocx.ts'
export { writeDocx, type DocxTargetSegment } from './writeDocx.ts'
export { ARABIC_COMPLEX_FONT } from './localizeProperties.ts'
export { KAZAKH_FONT_REPLACEMENTS } from './kazakhFonts.ts'
