import { Trans, useTranslation } from 'react-i18next'
import { languageDirection } from '@qalam/shared/text'

interface LockNoticeProps {
  /** Who approved the segment, when known. */
  approver: string | null
  /** The approval came while the editor was open: what was typed before it is kept. */
  whileOpen: boolean
  /** Keys refused since; each one restarts the notice's flash. */
  refused: number
}

/**
 * In the open editor of an approved segment: who approved it, and that keys are refused. In the
 * interface's direction, whatever the target cell's.
 */
export function LockNotice({ approver, whileOpen, refused }: LockNoticeProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return (
    <p
      className="lock-notice"
      role="status"
      data-testid="lock-notice"
      lang={language}
      dir={languageDirection(language)}
      data-refused={refused}
      data-approver={approver ?? ''}
    >
      <span key={refused} className={refused > 0 ? 'lock-notice__text--flash' : undefined}>
        {approver === null ? (
          t('collaboration.lockedUnknown')
        ) : (
          <Trans
            i18nKey="collaboration.lockedBy"
            values={{ name: approver }}
            components={{ name: <bdi /> }}
          />
        )}
      </span>{' '}
      {whileOpen && <span>{t('collaboration.typingKept')}</span>}{' '}
      {refused > 0 && <span className="lock-notice__refused">{t('collaboration.keyRefused')}</span>}
    </p>
  )
}
