import type { SameLanguageQuestion } from './useSameLanguageQuestion.ts'

/** The question a form asks before making a document whose two languages are the same. */
export function SameLanguageWarning({
  question,
  message,
}: {
  question: SameLanguageQuestion
  message: string
}) {
  if (!question.isAsking) return null
  return (
    <p className="form-warning" role="alert" data-testid="same-language">
      {message}
    </p>
  )
}
