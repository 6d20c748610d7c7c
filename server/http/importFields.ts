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
