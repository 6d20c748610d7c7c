import { useTranslation } from 'react-i18next'

export function RouteLoading() {
  const { t } = useTranslation()
  return (
    <div className="page-message" role="status">
      <p>{t('document.loading')}</p>
    </div>
  )
}
