import { useTranslation } from 'react-i18next'
import { ENCODINGS, isEncoding } from '@qalam/shared/api'
import { ErrorMessage } from '../http/ErrorMessage.tsx'
import type { FilePreview } from './previewFile.ts'
import { EncodingSelect, useEncodingName } from './EncodingSelect.tsx'
import type { FilePreviewControl } from './useFilePreview.ts'
import './encoding.css'

/**
 * What a chosen file reads like before anything is stored: the detected encoding, a picker
 * for another one, and the first lines in the encoding picked.
 */
export function EncodingPreview({
  id,
  control,
  lang,
}: {
  id: string
  control: FilePreviewControl
  /** The language the file is in, for the lines' fonts and direction. */
  lang: string
}) {
  const { t } = useTranslation()
  const name = useEncodingName()
  const { state } = control
  if (state.kind === 'none') return null
  const ready = state.kind === 'ready' ? state.preview : null
  return (
    <section
      className="encoding-preview"
      aria-label={t('import.preview')}
      data-testid={`${id}-preview`}
      data-state={state.kind}
      data-format={ready?.format}
      data-encoding={ready?.format === 'docx' ? undefined : ready?.encoding}
      data-detected={ready?.format === 'txt' ? ready.detected.encoding : undefined}
    >
      {/* XLIFF declares its own encoding and DOCX is UTF-8: a picker would only misread them. */}
      {ready?.format !== 'xliff12' && ready?.format !== 'xliff20' && ready?.format !== 'docx' && (
        <EncodingSelect
          id={`${id}-encoding`}
          label={t('import.encoding')}
          value={control.encoding ?? null}
          options={ENCODINGS.map((encoding) => ({ value: encoding, label: name(encoding) }))}
          onChange={control.choose}
        />
      )}
      {state.kind === 'loading' && (
        <p className="encoding-preview__status" role="status">
          {t('import.checking')}
        </p>
      )}
      {state.kind === 'failed' && (
        <ErrorMessage error={state.error} testId={`${id}-preview-error`} />
      )}
      {ready !== null && <PreviewLines id={id} preview={ready} lang={lang} />}
    </section>
  )
}

/** What the preview says of the file's encoding: detected, picked, or declared (XLIFF). */
function usePreviewStatus(preview: FilePreview): string {
  const { t } = useTranslation()
  const name = useEncodingName()
  if (preview.format === 'docx') return t('formats.docxPreview')
  if (preview.format !== 'txt') {
    return t('formats.xliffPreview', {
      format: t(`formats.${preview.format}`),
      encoding: isEncoding(preview.encoding) ? name(preview.encoding) : preview.encoding,
    })
  }
  const { encoding, detected } = preview
  if (encoding !== detected.encoding)
    return t('encoding.picked', { encoding: name(encoding), detected: name(detected.encoding) })
  return encoding === 'utf-8'
    ? t('encoding.plain')
    : t('import.detected', { encoding: name(encoding) })
}

function PreviewLines({ id, preview, lang }: { id: string; preview: FilePreview; lang: string }) {
  const { t } = useTranslation()
  const status = usePreviewStatus(preview)
  // Only a text file's legacy encoding is worth a second look; XLIFF's is the file's own word.
  const isLegacy = preview.format === 'txt' && preview.encoding !== 'utf-8'
  return (
    <>
      <p
        className={
          isLegacy
            ? 'encoding-preview__status encoding-preview__status--legacy'
            : 'encoding-preview__status'
        }
        data-testid={`${id}-preview-status`}
      >
        {status}
      </p>
      <h3 className="encoding-preview__heading">{t('import.preview')}</h3>
      <ol className="encoding-preview__lines" lang={lang} data-testid={`${id}-preview-lines`}>
        {preview.lines.map((line, index) => (
          <li key={index} dir="auto">
            {line}
          </li>
        ))}
      </ol>
    </>
  )
}
