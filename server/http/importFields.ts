import { canonicalLanguage } from '@qalam/shared/text'
import { ImportError } from './errors.ts'

/** The canonical BCP 47 tag of a form's language field, or `import.unknown_language`. */
export function requireLanguage(tag: string, field: string): string {
  const canonical = canonicalLanguage(tag)
  if (!canonical) throw new ImportError('import.unknown_language', `Unknown ${field}: ${tag}`)
  return canonical
}

/** The title an upload gets when the form leaves it empty: the file name without extension. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '')
  const dot = base.lastIndexOf('.')
  return (dot > 0 ? base.slice(0, dot) : base).trim()
}

/*
 * A document translated into its own language is almost always a slip in the form (both
 * selects left on the same entry), so the client asks first and the server wants the flag.
 */
/** Throws `import.same_language` when the languages are equal and the request did not confirm it. */
export function requireDistinctLanguages(
  sourceLang: string,
  targetLang: string,
  confirmed: boolean,
): void {
  if (sourceLang === targetLang && !confirmed) {
    throw new ImportError(
      'import.same_language',
      `The source and target language are both ${sourceLang}; confirm to import anyway.`,
    )
  }
}
