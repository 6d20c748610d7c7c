export { XliffError, type XliffErrorCode } from './xliffError.ts'
export type { ParsedXliff, XliffTargetSegment, XliffWriter } from './types.ts'
export { detectXliffVersion } from './detectXliffVersion.ts'
export type { XliffDocumentInput } from './xliffDocument.ts'
