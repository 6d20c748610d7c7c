import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import { ApiError } from '../http/requestJson.ts'
import { useSubmit } from '../http/useSubmit.ts'
import { useFormatter } from '../i18n/formatting.ts'
import { LanguagePairFields } from '../import/LanguagePairFields.tsx'
import { TextFileField } from '../import/TextFileField.tsx'
import {
  importTmxFile,
  type ImportJob,
  type ImportSummary,
  type MemoryView,
  type SkipReason,
} from './memoriesApi.ts'

const SKIP_REASONS: readonly SkipReason[] = ['no_source', 'no_target', 'empty', 'too_long']

/** The line a refused file's problem is on, as the server's message starts with it. */
function lineOf(error: unknown): number | null {
  if (!(error instanceof ApiError) || !error.code.startsWith('tmx.')) return null
  const match = /^line (\d+):/.exec(error.message)
  return match ? Number(match[1]) : null
}

/**
 * Imports a TMX file into one of the project's memories, with a progress bar of the bytes the
 * server has read and the units read and skipped (and why) while the file streams in.
 */
export function TmxImportForm({
  projectId,
  memories,
  languagePair,
  onImported,
}: {
  projectId: string
  memories: readonly MemoryView[]
  /** The project's languages, offered first; Russian into Kazakh without documents. */
  languagePair: readonly [string, string] | null
  onImported: () => void
}) {
  const { t } = useTranslation()
  const format = useFormatter()
  const [file, setFile] = useState<File | null>(null)
  const [memoryId, setMemoryId] = useState('')
  const [sourceLang, setSourceLang] = useState(languagePair?.[0] ?? 'ru')
  const [targetLang, setTargetLang] = useState(languagePair?.[1] ?? 'kk')
  const [progress, setProgress] = useState<ImportJob | null>(null)
  const [result, setResult] = useState<ImportSummary | null>(null)
  const target = memoryId || memories[0]?.id || ''
  const { onSubmit, isSubmitting, error } = useSubmit(async () => {
    if (file === null) throw new ApiError('import.missing_file', 'no file chosen', 400)
    setResult(null)
    setProgress(null)
    const summary = await importTmxFile({
      projectId,
      memoryId: target,
      file,
      sourceLang,
      targetLang,
      onProgress: setProgress,
    })
    setResult(summary)
    onImported()
  })
  const shown = result ?? progress
  const skipped = shown ? SKIP_REASONS.filter((reason) => shown.skipped[reason] > 0) : []
  const line = lineOf(error)
  return (
    <form className="memory-form" onSubmit={onSubmit} data-testid="tmx-import">
      <h3>{t('memories.importTitle')}</h3>
      <TextFileField
        id="tmx-file"
        name="file"
        label={t('memories.file')}
        accept=".tmx,application/x-tmx+xml,application/xml,text/xml"
        onFile={setFile}
      />
      <div className="field">
        <label className="field__label" htmlFor="tmx-memory">
          {t('memories.into')}
        </label>
        <select
          id="tmx-memory"
          className="field__input"
          value={target}
          onChange={(event) => setMemoryId(event.target.value)}
        >
          {memories.map((memory) => (
            <option key={memory.id} value={memory.id}>
              {memory.name}
            </option>
          ))}
        </select>
      </div>
      <div className="import-form__languages">
        <LanguagePairFields
          sourceLang={sourceLang}
          targetLang={targetLang}
          onSourceLang={setSourceLang}
          onTargetLang={setTargetLang}
        />
      </div>
      {isSubmitting && (
        <progress
          className="memory-form__progress"
          data-testid="tmx-progress"
          max={file?.size ?? 1}
          value={progress?.bytesRead ?? 0}
          aria-label={t('memories.importing')}
        />
      )}
      {shown && (
        <p role="status" data-testid={result ? 'tmx-result' : 'tmx-status'}>
          {result
            ? t('memories.imported', {
                read: format.number(result.unitsRead),
                added: format.number(result.added),
                updated: format.number(result.updated),
              })
            : t('memories.reading', { read: format.number(shown.unitsRead) })}
          {skipped.map((reason) => (
            <span key={reason} className="memory-form__skipped" data-reason={reason}>
              {' '}
              {t(`memories.skipped.${reason}`, { count: format.number(shown.skipped[reason]) })}
            </span>
          ))}
        </p>
      )}
      {error !== null && (
        <ErrorMessage error={error} testId="tmx-error">
          {line !== null && ` ${t('memories.atLine', { line: format.number(line) })}`}
        </ErrorMessage>
      )}
      <button type="submit" className="button button--primary" disabled={isSubmitting || !target}>
        {isSubmitting ? t('memories.importing') : t('memories.importSubmit')}
      </button>
    </form>
  )
}
