import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { translateError } from '../i18n/translateError.ts'

/** An error in the interface language, announced as an alert; `children` add to the message. */
export function ErrorMessage({
  error,
  testId,
  children,
}: {
  error: unknown
  testId?: string
  children?: ReactNode
}) {
  const { i18n } = useTranslation()
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {translateError(i18n, error)}
      {children}
    </p>
  )
}
