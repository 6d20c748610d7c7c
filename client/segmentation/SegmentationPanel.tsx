import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useChange } from '../http/useChange.ts'
import { ApiError } from '../http/requestJson.ts'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { TextFileField } from '../import/TextFileField.tsx'
import { useRequest } from '../http/useRequest.ts'
import { AddExceptionForm } from './AddExceptionForm.tsx'
import { ExplainForm } from './ExplainForm.tsx'
import {
  fetchSegmentation,
  removeException,
  removeSrx,
  segmentationUrl,
  uploadSrx,
} from './segmentationApi.ts'

/**
 * The rules the project's imports are segmented by: the built-in ones or an SRX file, and the
 * exceptions a manager added. Managers change them; every member may download and test them.
 */
export function SegmentationPanel({
  projectId,
  mayManage,
}: {
  projectId: string
  mayManage: boolean
}) {
  const { t } = useTranslation()
  const load = useCallback(
    (signal: AbortSignal) => fetchSegmentation(projectId, signal),
    [projectId],
  )
  const [state, reload] = useRequest(load)
  const { run, error } = useChange(reload)
  return (
    <section
      className="panel"
      aria-labelledby="segmentation-title"
      data-testid="segmentation-panel"
    >
      <h2 id="segmentation-title">{t('segmentation.title')}</h2>
      <RequestProgress state={state} loading={t('segmentation.loading')} />
      {state.kind === 'loaded' && (
        <>
          <p data-testid="segmentation-source">
            {state.value.srx
              ? t('segmentation.fromSrx', {
                  names: state.value.srx.languageRules.map((rule) => rule.name).join(', '),
                })
              : t('segmentation.builtin')}
          </p>
          <p>
            <a href={segmentationUrl(projectId, '/srx')} download="segmentation.srx">
              {t('segmentation.download')}
            </a>
          </p>
          {mayManage && (
            <div>
              <TextFileField
                id="srx-file"
                name="srx"
                label={t('segmentation.upload')}
                accept=".srx,application/xml,text/xml"
                clearAfterChoice
                onFile={(file) => {
                  if (file) void run(() => uploadSrx(projectId, file))
                }}
              />
              {state.value.srx && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => void run(() => removeSrx(projectId))}
                >
                  {t('segmentation.removeSrx')}
                </button>
              )}
            </div>
          )}
          {error !== null && (
            <ErrorMessage error={error} testId="segmentation-error">
              {/* Where in the file: the line and rule, as the server names them. */}
              {error instanceof ApiError && error.code.startsWith('srx.') && (
                <bdi dir="ltr"> ({error.message})</bdi>
              )}
            </ErrorMessage>
          )}
          <h3>{t('segmentation.exceptions')}</h3>
          {state.value.exceptions.length === 0 ? (
            <p className="empty-state">{t('segmentation.noExceptions')}</p>
          ) : (
            <ul className="member-list" data-testid="segmentation-exceptions">
              {state.value.exceptions.map((exception) => (
                <li key={exception.id} className="member-list__item">
                  <span dir="ltr">
                    {exception.lang}: {exception.isBreak ? '⏐' : '⊘'} {exception.beforeBreak} ·{' '}
                    {exception.afterBreak}
                  </span>
                  {mayManage && (
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => void run(() => removeException(projectId, exception.id))}
                    >
                      {t('segmentation.removeException')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {mayManage && <AddExceptionForm projectId={projectId} onAdded={reload} />}
          <ExplainForm projectId={projectId} />
        </>
      )}
    </section>
  )
}
