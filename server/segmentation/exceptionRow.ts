import type { SegmentationException } from '@qalam/shared/segmentation'

/** A `segmentation_exceptions` row as both adapters read it. */
export interface ExceptionRow {
  id: string
  lang: string
  is_break: number
  before_break: string
  after_break: string
}

export const toException = (row: ExceptionRow): SegmentationException => ({
  id: row.id,
  lang: row.lang,
  rule: { isBreak: row.is_break === 1, beforeBreak: row.before_break, afterBreak: row.after_break },
})
