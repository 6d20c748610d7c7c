import type { SegmentStatus } from '../../model/index.ts'
import type { ReviewLocale, ReviewTable } from './reviewTable.ts'

/*
 * The words a review table prints (column heads, statuses, the heading), in the four
 * languages of the interface: the table is made on the server, for the exporting user's
 * language, and read by people who may not open the editor at all.
 */

export interface ReviewLabels {
  number: string
  source: string
  target: string
  status: string
  comment: string
  segments: string
  statuses: Record<SegmentStatus, string>
}

const LABELS: Record<ReviewLocale, ReviewLabels> = {
  en: {
    number: 'No.',
    source: 'Source',
    target: 'Translation',
    status: 'Status',
    comment: 'Comment',
    segments: 'Segments',
    statuses: {
      new: 'New',
      draft: 'Draft',
      translated: 'Translated',
      approved: 'Approved',
      rejected: 'Rejected',
    },
  },
  ru: {
    number: '№',
    source: 'Оригинал',
    target: 'Перевод',
    status: 'Статус',
    comment: 'Комментарий',
    segments: 'Сегменты',
    statuses: {
      new: 'Новый',
      draft: 'Черновик',
      translated: 'Переведён',
      approved: 'Утверждён',
      rejected: 'Отклонён',
    },
  },
  kk: {
    number: '№',
    source: 'Түпнұсқа',
    target: 'Аударма',
    status: 'Күйі',
    comment: 'Түсініктеме',
    segments: 'Сегменттер',
    statuses: {
      new: 'Жаңа',
      draft: 'Жоба',
      translated: 'Аударылған',
      approved: 'Бекітілген',
      rejected: 'Қабылданбаған',
    },
  },
  ar: {
    number: 'رقم',
    source: 'النص المصدر',
    target: 'الترجمة',
    status: 'الحالة',
    comment: 'تعليق',
    segments: 'المقاطع',
    statuses: {
      new: 'جديد',
      draft: 'مسودة',
      translated: 'مترجم',
      approved: 'معتمد',
      rejected: 'مرفوض',
    },
  },
}

export function reviewLabels(locale: ReviewLocale): ReviewLabels {
  return LABELS[locale]
}

function languageLabel(tag: string, locale: ReviewLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag
  } catch {
    return tag
  }
}

/** The heading lines under the title: languages, date, counts per status. */
export function reviewHeading(table: ReviewTable, locale: ReviewLocale): string[] {
  const labels = LABELS[locale]
  const languages = `${languageLabel(table.sourceLang, locale)} (${table.sourceLang}) → ${languageLabel(table.targetLang, locale)} (${table.targetLang})`
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(table.createdAt),
  )
  const numbers = new Intl.NumberFormat(locale)
  const counts = (Object.keys(labels.statuses) as SegmentStatus[])
    .filter((status) => table.counts[status] > 0)
    .map((status) => `${labels.statuses[status]}: ${numbers.format(table.counts[status])}`)
  return [
    languages,
    date,
    `${labels.segments}: ${numbers.format(table.rows.length)}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`,
  ]
}
