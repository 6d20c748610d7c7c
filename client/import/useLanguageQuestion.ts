import { useRef, useState } from 'react'
import { z } from 'zod'
import { ApiError } from '../http/requestJson.ts'

/** What the server said the file looks like when it refused its source language (409). */
const mismatchDetail = z.object({
  declared: z.string(),
  script: z.string(),
  language: z.string().nullable(),
})
export type LanguageMismatch = z.infer<typeof mismatchDetail>

/** The languages a submit sends, and whether it confirms a source the text does not show. */
export interface LanguageChoice {
  sourceLang: string
  targetLang: string
  languageConfirmed: boolean
}

type LanguagePair = Pick<LanguageChoice, 'sourceLang' | 'targetLang'>

export interface LanguageQuestion {
  /** The refusal being asked about, or null. */
  mismatch: LanguageMismatch | null
  /** Called with a failed import: true (and the question is now asked) when it was this refusal. */
  asks(error: unknown): boolean
  /** What this submit sends for the form's languages, after the user answered the question. */
  choice(form: LanguagePair): LanguageChoice
  /**
   * "Import as <detected>": the next submit sends the detected source language, and the pair
   * the form should now show. A target in the detected language becomes the declared one: a
   * Kazakh file left on the default Russian → Kazakh is meant to go Kazakh → Russian.
   */
  takeDetected(form: LanguagePair): LanguagePair
  /** "Import as <declared> anyway": the next submit confirms the declared language. */
  confirmDeclared(): void
  /** Wraps a setter of the form (a language, the file): any change drops the question. */
  onChange<T>(set: (value: T) => void): (value: T) => void
}

/*
 * A cold user leaves the form's default source language on a file in another one, and every
 * later step (sentence rules, stemming, memories, direction) is silently wrong. The server
 * looks at the text and refuses a clear mismatch; the form then asks which language it is.
 * The answer is kept in a ref: the action buttons are submit buttons, and their click runs
 * before the submit reads it, in the same render.
 */
export function useLanguageQuestion(): LanguageQuestion {
  const [mismatch, setMismatch] = useState<LanguageMismatch | null>(null)
  const answer = useRef<{ kind: 'detected'; pair: LanguagePair } | { kind: 'declared' } | null>(
    null,
  )
  return {
    mismatch,
    asks: (error) => {
      if (!(error instanceof ApiError) || error.code !== 'import.language_mismatch') return false
      const detail = mismatchDetail.safeParse(error.detail)
      if (!detail.success) return false
      setMismatch(detail.data)
      return true
    },
    choice: (form) => {
      const given = answer.current
      answer.current = null
      if (given?.kind === 'detected') return { ...given.pair, languageConfirmed: false }
      if (given?.kind === 'declared' && mismatch !== null) {
        return { ...form, sourceLang: mismatch.declared, languageConfirmed: true }
      }
      return { ...form, languageConfirmed: false }
    },
    takeDetected: (form) => {
      if (!mismatch?.language) return form
      const sourceLang = mismatch.language
      const targetLang =
        form.targetLang.trim().toLowerCase() === sourceLang.toLowerCase()
          ? mismatch.declared
          : form.targetLang
      answer.current = { kind: 'detected', pair: { sourceLang, targetLang } }
      return { sourceLang, targetLang }
    },
    confirmDeclared: () => {
      answer.current = { kind: 'declared' }
    },
    onChange: (set) => (value) => {
      setMismatch(null)
      answer.current = null
      set(value)
    },
  }
}
