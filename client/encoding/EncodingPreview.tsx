import { useTranslation } from 'react-i18next'
import { ENCODINGS } from '@qalam/shared/api'
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
  return (
    <section
      className="encoding-preview"
      aria-label={t('import.preview')}
      data-testid={`${id}-preview`}
      data-state={state.kind}
      data-encoding={state.kind === 'ready' ? state.preview.encoding : undefined}
      data-detected={state.kind === 'ready' ? state.preview.detected.encoding : undefined}
    >
      <EncodingSelect
        id={`${id}-encoding`}
        label={t('import.encoding')}
        value={control.encoding ?? null}
        options={ENCODINGS.map((encoding) => ({ value: encoding, label: name(encoding) }))}
        onChange={control.choose}
      />
      {state.kind === 'loading' && (
        <p className="encoding-preview__status" role="status">
          {t('import.checking')}
        </p>
      )}
      {state.kind === 'failed' && (
        <ErrorMessage error={state.error} testId={`${id}-preview-error`} />
      )}
      {state.kind === 'ready' && <PreviewLines id={id} preview={state.preview} lang={lang} />}
    </section>
  )
}

function PreviewLines({ id, preview, lang }: { id: string; preview: FilePreview; lang: string }) {
  const { t } = useTranslation()
  const name = useEncodingName()
  const { encoding, detected } = preview
  const status =
    encoding !== detected.encoding
      ? t('encoding.picked', { encoding: name(encoding), detected: name(detected.encoding) })
      : encoding === 'utf-8'
        ? t('encoding.plain')
        : t('import.detected', { encoding: name(encoding) })
  return (
    <>
      <p
        className={
          encoding === 'utf-8'
            ? 'encoding-preview__status'
            : 'encoding-preview__status encoding-preview__status--legacy'
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
