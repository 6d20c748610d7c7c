import { useTranslation } from 'react-i18next'
import type { NavigationNotice } from './segmentAction.ts'

/**
 * Says why Ctrl+Enter went nowhere or began again at the top. The live region is always
 * there, so a screen reader announces the notice when it appears.
 */
export function NavigationNoticeLine({ notice }: { notice: NavigationNotice | null }) {
  const { t } = useTranslation()
  return (
    <p
      className="navigation-notice"
      role="status"
      data-testid="navigation-notice"
      data-notice={notice ?? ''}
    >
      {notice === null ? '' : t(`navigation.${notice}`)}
    </p>
  )
}
