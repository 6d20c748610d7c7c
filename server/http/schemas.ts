import { z } from 'zod'
import { DOCUMENT_FORMATS } from '@qalam/shared/model'
import { ENCODINGS } from '../encoding/index.ts'

/** The project an upload goes into; read and checked before anything else in the form. */
export const projectField = z.object({ projectId: z.string().min(1).max(200) })

/** A form's `true` confirming a source and target in one language (requireDistinctLanguages). */
export const sameLanguageField = z
  .enum(['true', 'false'])
  .optional()
  .transform((value) => value === 'true')

/** Text fields of the import form; the file part is read separately. */
export const importFields = z.object({
  projectId: z.string().min(1).max(200),
  title: z.string().trim().max(300).optional(),
  sourceLang: z.string().trim().min(1).max(100),
  targetLang: z.string().trim().min(1).max(100),
  /** `true` confirms a source and target in the same language (see requireDistinctLanguages). */
  sameLanguage: sameLanguageField,
  /** `true` confirms a text that does not look like its source language (requireDeclaredLanguage). */
  languageConfirmed: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
  /** What to read the file in, as the preview showed it; absent means UTF-8. */
  encoding: z.enum(ENCODINGS).optional(),
  /** The format the user expects; absent or `auto` takes what the content shows. */
  format: z.enum(['auto', ...DOCUMENT_FORMATS]).optional(),
  /** A DOCX with tracked changes: `accept` imports the text with them all accepted. */
  trackedChanges: z.enum(['accept', 'refuse']).optional(),
})
export type ImportFields = z.infer<typeof importFields>

export const documentParams = z.object({ id: z.string().min(1).max(200) })

export const exportQuery = z.object({
  format: z.string().min(1).max(20),
  /** `original` writes the encoding the source was imported in; absent means UTF-8. */
  encoding: z.enum([...ENCODINGS, 'original']).optional(),
})

/** The preview form: the file, its project, and optionally the encoding to try. */
export const previewFields = z.object({
  projectId: z.string().min(1).max(200),
  encoding: z.enum(ENCODINGS).optional(),
})
