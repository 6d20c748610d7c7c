import { Trans, useTranslation } from 'react-i18next'
import { useFormatter } from '../i18n/formatting.ts'
import type { NavigationNotice, SkippedNotice } from './segmentAction.ts'

/**
 * Says why Ctrl+Enter went nowhere, began again at the top, or passed over segments colleagues
 * are editing. The live region is always there, so a screen reader announces the notice when
 * it appears.
 */
export function NavigationNoticeLine({ notice }: { notice: NavigationNotice | null }) {
  const { t } = useTranslation()
  const kind = notice === null ? '' : typeof notice === 'string' ? notice : notice.kind
  return (
    <p
      className="navigation-notice"
      role="status"
      data-testid="navigation-notice"
      data-notice={kind}
    >
      {notice === null ? (
        ''
      ) : typeof notice === 'string' ? (
        t(`navigation.${notice}`)
      ) : (
        <Skipped notice={notice} />
      )}
    </p>
  )
}

function Skipped({ notice }: { notice: SkippedNotice }) {
  const { t } = useTranslation()
  const format = useFormatter()
  const numbers = notice.skipped.map((segment) => format.number(segment.number)).join(', ')
  const [only] = notice.skipped
  if (notice.onlyBusyLeft) return <>{t('collaboration.onlyBusyLeft', { numbers })}</>
  return (
    <>
      {notice.skipped.length === 1 && only !== undefined ? (
        <Trans
          i18nKey="collaboration.skippedOne"
          values={{ number: numbers, names: only.names.join(', ') }}
          components={{ name: <bdi /> }}
        />
      ) : (
        t('collaboration.skippedMany', { numbers })
      )}
      {notice.wrapped && ` ${t('navigation.wrapped')}`}
    </>
  )
}
