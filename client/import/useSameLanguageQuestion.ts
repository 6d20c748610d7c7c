import { useState } from 'react'

export interface SameLanguageQuestion {
  /** The form shows the question and its submit button reads "Import anyway". */
  isAsking: boolean
  /**
   * Called on submit: true when the question must be asked first (it now is), false when the
   * languages differ or the user has just confirmed them.
   */
  asksFirst(): boolean
  /** Whether the request should carry `sameLanguage`: the user confirmed equal languages. */
  isConfirmed: boolean
  /** Wraps a language setter: any change of language asks again. */
  onChange(set: (tag: string) => void): (tag: string) => void
}

/*
 * A document translated into its own language is almost always a slip in the form (both
 * selects left on the same entry), so the form asks once per submit; the server wants the flag.
 */
export function useSameLanguageQuestion(
  sourceLang: string,
  targetLang: string,
): SameLanguageQuestion {
  const [isAsking, setAsking] = useState(false)
  const isSame = sourceLang.trim().toLowerCase() === targetLang.trim().toLowerCase()
  return {
    isAsking,
    asksFirst: () => {
      if (!isSame || isAsking) return false
      setAsking(true)
      return true
    },
    isConfirmed: isSame && isAsking,
    onChange: (set) => (tag) => {
      setAsking(false)
      set(tag)
    },
  }
}
