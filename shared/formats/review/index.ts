export {
  REVIEW_LOCALES,
  ROW_KEY_PREFIX,
  TABLE_KEY_PREFIX,
  isReviewLocale,
  parseRowKey,
  parseTableKey,
  reviewTableOf,
  textFingerprint,
  type ReviewLocale,
  type ReviewRow,
  type ReviewTable,
} from './reviewTable.ts'
export { reviewHeading, reviewLabels, type ReviewLabels } from './labels.ts'
export { DOCX_CONTENT_TYPE, writeReviewDocx } from './writeReviewDocx.ts'
export { writeReviewHtml } from './writeReviewHtml.ts'
export {
  DEFAULT_REVIEW_READ_LIMITS,
  ReviewReadError,
  readReviewDocx,
  type ReviewRead,
  type ReviewReadErrorCode,
  type ReviewReadLimits,
  type ReviewReadRow,
} from './readReviewDocx.ts'
