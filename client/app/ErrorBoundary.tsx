import { Component, type ReactNode } from 'react'
import { Translation } from 'react-i18next'

/**
 * Last line of defence for a render error: a message and a reload button instead of a blank
 * page. The error still reaches the console (React logs it) for whoever debugs it.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, { hasFailed: boolean }> {
  override state = { hasFailed: false }

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true }
  }

  override render() {
    if (!this.state.hasFailed) return this.props.children
    return (
      <Translation>
        {(t) => (
          <main className="page-message" role="alert">
            <h1>{t('crash.title')}</h1>
            <p>{t('crash.body')}</p>
            <button
              type="button"
              className="button button--primary"
              onClick={() => location.reload()}
            >
              {t('crash.reload')}
            </button>
          </main>
        )}
      </Translation>
    )
  }
}
