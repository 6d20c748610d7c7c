import type { i18n as I18n } from 'i18next'
import { ApiError } from '../http/requestJson.ts'

/** The message for an error in the interface language: `errors.<code>` when the code is known. */
export function translateError(i18n: I18n, error: unknown): string {
  const code = error instanceof ApiError ? error.code : 'unknown'
  const key = `errors.${code}`
  // Codes are data from the server, so the key is only known at run time.
  return i18n.exists(key) ? i18n.t(key as 'errors.unknown') : i18n.t('errors.unknown')
}
