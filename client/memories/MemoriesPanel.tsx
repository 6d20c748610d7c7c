import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { useChange } from '../http/useChange.ts'
import { RequestProgress } from '../http/RequestProgress.tsx'
import { useRequest } from '../http/useRequest.ts'
import { useFormatter } from '../i18n/formatting.ts'
import { AttachMemoryForm } from './AttachMemoryForm.tsx'
import { CreateMemoryForm } from './CreateMemoryForm.tsx'
import { attachMemory, detachMemory, exportUrl, fetchMemories } from './memoriesApi.ts'
import { MemoryStats } from './MemoryStats.tsx'
import { TmxImportForm } from './TmxImportForm.tsx'
import './memories.css'

/**
 * The translation memories the project uses: its write memory, where approved segments go, and
 * the memories it reads from. Managers create and attach memories, choose the write memory and
 * import TMX; those who may export download any of them as TMX.
 */
export function MemoriesPanel({
  projectId,
  mayManage,
  mayExport,
  languagePair,
}: {
  projectId: string
  mayManage: boolean
  mayExport: boolean
  /** The languages of the project's latest document: what a TMX import offers first. */
  languagePair: readonly [string, string] | null
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const load = useCallback((signal: AbortSignal) => fetchMemories(projectId, signal), [projectId])
  const [state, reload] = useRequest(load)
  const { run, error } = useChange(reload)
  // Figures are counted on the server; only for the memories someone opened.
  const [openStats, setOpenStats] = useState<Record<string, boolean>>({})
  return (
    <section className="panel" aria-labelledby="memories-title" data-testid="memories-panel">
      <h2 id="memories-title">{t('memories.title')}</h2>
      <RequestProgress state={state} loading={t('memories.loading')} />
      {state.kind === 'loaded' && (
        <ul className="member-list" data-testid="memory-list">
          {state.value.map((memory) => (
            <li
              key={memory.id}
              className="member-list__item memory"
              data-testid="memory"
              data-memory-id={memory.id}
              data-mode={memory.mode}
            >
              <span className="member-list__name">
                <bdi>{memory.name}</bdi>
                <span className="memory__details">
                  <span className={`memory__mode memory__mode--${memory.mode}`}>
                    {memory.mode === 'write' ? t('memories.write') : t('memories.read')}
                  </span>{' '}
                  <span data-testid="memory-units">
                    {t('memories.units', { count: format.number(memory.units) })}
                  </span>
                  {memory.projectId !== projectId && (
                    <>
                      {' · '}
                      {memory.ownerName === null
                        ? t('memories.fromOtherProject')
                        : t('memories.fromProject', { project: memory.ownerName })}
                    </>
                  )}
                </span>
                <details
                  className="memory__more"
                  onToggle={(event) => {
                    const isOpen = event.currentTarget.open
                    setOpenStats((open) => ({ ...open, [memory.id]: isOpen }))
                  }}
                >
                  <summary>{t('memories.details')}</summary>
                  {openStats[memory.id] && (
                    <MemoryStats projectId={projectId} memoryId={memory.id} />
                  )}
                </details>
              </span>
              {mayExport && (
                <a
                  className="button button--quiet"
                  href={exportUrl(projectId, memory.id)}
                  download={`${memory.name}.tmx`}
                  data-testid="memory-export"
                >
                  {t('memories.export')}
                </a>
              )}
              {mayManage && memory.mode === 'read' && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => void run(() => attachMemory(projectId, memory.id, 'write'))}
                >
                  {t('memories.makeWrite')}
                </button>
              )}
              {mayManage && memory.mode === 'read' && memory.projectId !== projectId && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => void run(() => detachMemory(projectId, memory.id))}
                >
                  {t('memories.detach')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== null && <ErrorMessage error={error} testId="memories-error" />}
      {mayManage && state.kind === 'loaded' && (
        <>
          <TmxImportForm
            // A new default pair starts the form afresh with it.
            key={languagePair?.join('>') ?? ''}
            projectId={projectId}
            memories={state.value}
            languagePair={languagePair}
            onImported={reload}
          />
          <CreateMemoryForm projectId={projectId} onCreated={reload} />
          <AttachMemoryForm projectId={projectId} onAttached={reload} />
        </>
      )}
    </section>
  )
}
