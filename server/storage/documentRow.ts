import type { DocumentProgress } from '@qalam/shared/model'
import type { DocumentSummary } from './DocumentStore.ts'

/** A `documents` row as both adapters read it (the columns are the same on both engines). */
export interface DocumentRow {
  id: string
  title: string
  source_lang: string
  target_lang: string
  created_at: number
  updated_at: number
  progress: string
}

export const SUMMARY_COLUMNS =
  'id, title, source_lang, target_lang, created_at, updated_at, progress'

export function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    sourceLang: row.source_lang,
    targetLang: row.target_lang,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    progress: JSON.parse(row.progress) as DocumentProgress,
  }
}
