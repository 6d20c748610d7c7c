import { useCallback, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useRequest } from '../http/useRequest.ts'
import { translateError } from '../i18n/translateError.ts'
import {
  attachGlossary,
  createGlossary,
  detachGlossary,
  exportUrl,
  fetchAttachable,
  fetchGlossaries,
  importGlossaryFile,
  type GlossaryItem,
} from './glossaryApi.ts'

/**
 * The project page's glossaries: every member sees them; a manager creates one, attaches one
 * of their other projects' glossaries, imports TBX or CSV into one, exports and detaches.
 */
export function GlossaryPanel({ projectId, mayManage }: { projectId: string; mayManage: boolean }) {
  const { t, i18n } = useTranslation()
  const load = useCallback((signal: AbortSignal) => fetchGlossaries(projectId, signal), [projectId])
  const [state, reload] = useRequest(load)
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null)
  const [name, setName] = useState('')
  const [attachable, setAttachable] = useState<(GlossaryItem & { projectName: string })[] | null>(
    null,
  )
  const run = async (work: () => Promise<string | null>) => {
    setMessage(null)
    try {
      const text = await work()
      if (text !== null) setMessage({ text, isError: false })
    } catch (error) {
      setMessage({ text: translateError(i18n, error), isError: true })
    }
    reload()
  }
  const onCreate = (event: FormEvent) => {
    event.preventDefault()
    void run(async () => {
      await createGlossary(projectId, name.trim())
      setName('')
      return null
    })
  }
  const glossaries = state.kind === 'loaded' ? state.value : []
  return (
    <section
      className="panel glossary-panel"
      aria-labelledby="glossary-title"
      data-testid="glossary-panel"
    >
      <h2 id="glossary-title">{t('glossary.panelTitle')}</h2>
      {state.kind === 'failed' && <p role="alert">{translateError(i18n, state.error)}</p>}
      {state.kind === 'loaded' && glossaries.length === 0 && (
        <p className="empty-state">{t('glossary.noneAttached')}</p>
      )}
      <ul className="glossary-panel__list">
        {glossaries.map((glossary) => (
          <li key={glossary.id} data-testid="glossary-item">
            <strong>{glossary.name}</strong>{' '}
            <span className="glossary-panel__count">
              {t('glossary.entries', { count: glossary.entryCount })}
            </span>
            {mayManage && (
              <span className="glossary-panel__actions">
                <label className="button-like">
                  {t('glossary.importFile')}
                  <input
                    type="file"
                    accept=".tbx,.xml,.csv"
                    hidden
                    data-testid="glossary-import"
                    onChange={(event) => {
                      const file = event.target.files?.[0]
                      event.target.value = ''
                      if (file)
                        void run(async () => {
                          const { added } = await importGlossaryFile(projectId, glossary.id, file)
                          return t('glossary.importDone', { count: added })
                        })
                    }}
                  />
                </label>
                {t('glossary.exportLabel')}:{' '}
                {(['tbx2', 'tbx3', 'csv'] as const).map((format) => (
                  <a key={format} href={exportUrl(projectId, glossary.id, format)} download>
                    {t(
                      format === 'tbx2'
                        ? 'glossary.exportTbx2'
                        : format === 'tbx3'
                          ? 'glossary.exportTbx3'
                          : 'glossary.exportCsv',
                    )}
                  </a>
                ))}
                <button
                  className="button"
                  type="button"
                  onClick={() =>
                    void run(async () => (await detachGlossary(projectId, glossary.id), null))
                  }
                >
                  {t('glossary.detach')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {mayManage && (
        <>
          <form onSubmit={onCreate} className="glossary-panel__create">
            <input
              value={name}
              required
              maxLength={200}
              placeholder={t('glossary.namePlaceholder')}
              aria-label={t('glossary.namePlaceholder')}
              onChange={(event) => setName(event.target.value)}
              data-testid="glossary-name"
            />
            <button className="button button--primary" type="submit" disabled={name.trim() === ''}>
              {t('glossary.create')}
            </button>
          </form>
          <button
            className="button"
            type="button"
            onClick={() =>
              void run(async () => (setAttachable(await fetchAttachable(projectId)), null))
            }
          >
            {t('glossary.attachTitle')}
          </button>
          {attachable !== null &&
            (attachable.length === 0 ? (
              <p className="empty-state">{t('glossary.attachNone')}</p>
            ) : (
              <ul className="glossary-panel__list">
                {attachable.map((glossary) => (
                  <li key={glossary.id}>
                    {glossary.name} ({glossary.projectName}){' '}
                    <button
                      className="button"
                      type="button"
                      onClick={() =>
                        void run(async () => {
                          await attachGlossary(projectId, glossary.id)
                          setAttachable(
                            (list) => list?.filter((item) => item.id !== glossary.id) ?? null,
                          )
                          return null
                        })
                      }
                    >
                      {t('glossary.attach')}
                    </button>
                  </li>
                ))}
              </ul>
            ))}
        </>
      )}
      {message !== null && (
        <p
          role={message.isError ? 'alert' : 'status'}
          className={message.isError ? 'form-error' : ''}
        >
          {message.text}
        </p>
      )}
    </section>
  )
}
