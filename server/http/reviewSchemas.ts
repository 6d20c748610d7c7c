import { z } from 'zod'
import { REVIEW_LOCALES } from '@qalam/shared/formats'

/** Export formats of the bilingual review table, beside the document's own formats. */
export const REVIEW_FORMATS = ['review-docx', 'review-html'] as const
export type ReviewFormat = (typeof REVIEW_FORMATS)[number]

export function isReviewFormat(value: unknown): value is ReviewFormat {
  return typeof value === 'string' && (REVIEW_FORMATS as readonly string[]).includes(value)
}

/** `?format=review-docx|review-html&locale=`: the table's labels in the user's language. */
export const reviewExportQuery = z.object({
  format: z.enum(REVIEW_FORMATS),
  locale: z.enum(REVIEW_LOCALES).default('en'),
})

/** `?locale=` of a preview: the language of the few words the preview itself prints. */
export const previewQuery = z.object({
  locale: z.enum(REVIEW_LOCALES).default('en'),
})
