export type { TextSegment } from './types.ts'
export { segmentText } from './segmentText.ts'
