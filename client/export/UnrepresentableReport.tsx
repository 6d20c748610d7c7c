import { useTranslation } from 'react-i18next'
import { isEncoding } from '@qalam/shared/api'
import { useEncodingName } from '../encoding/EncodingSelect.tsx'
import { useFormatter } from '../i18n/formatting.ts'
import type { UnrepresentableDetail } from './unrepresentableDetail.ts'

/**
 * The server's refusal of an export in an encoding too small for the translation: which
 * characters, their code points (look-alikes differ there), and the segments holding them, each
 * a button that opens that segment.
 */
export function UnrepresentableReport({
  detail,
  lang,
  onGoToSegment,
}: {
  detail: UnrepresentableDetail
  /** The target language: the characters are shown in its font and direction. */
  lang: string
  onGoToSegment: (index: number) => void
}) {
  const { t } = useTranslation()
  const name = useEncodingName()
  const format = useFormatter()
  const encoding = isEncoding(detail.encoding) ? name(detail.encoding) : detail.encoding
  const hidden = detail.count - detail.characters.length
  return (
    <div className="unrepresentable" role="alert" data-testid="export-unrepresentable">
      <p className="unrepresentable__summary">
        {t('export.unrepresentable', {
          count: detail.count,
          encoding,
          examples: detail.characters.map((place) => place.character).join(' '),
        })}
      </p>
      <table className="unrepresentable__table">
        <thead>
          <tr>
            <th scope="col">{t('encoding.character')}</th>
            <th scope="col">{t('encoding.codePoint')}</th>
            <th scope="col">{t('encoding.segments')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.characters.map((place) => (
            <tr
              key={place.codePoint}
              data-testid="unrepresentable-character"
              data-code-point={place.codePoint}
            >
              <td className="unrepresentable__character" lang={lang}>
                <bdi>{place.character}</bdi>
              </td>
              <td className="unrepresentable__code" dir="ltr">
                {place.codePoint}
              </td>
              <td className="unrepresentable__segments">
                {place.segments.length === 0 && t('encoding.betweenSegments')}
                {place.segments.map((number) => (
                  <button
                    key={number}
                    type="button"
                    className="unrepresentable__segment"
                    aria-label={t('encoding.goToSegment', { number: format.number(number) })}
                    data-segment={number}
                    onClick={() => onGoToSegment(number - 1)}
                  >
                    {format.number(number)}
                  </button>
                ))}
                {place.segmentCount > place.segments.length &&
                  ` ${t('encoding.moreSegments', { count: place.segmentCount - place.segments.length })}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && <p>{t('encoding.moreCharacters', { count: hidden })}</p>}
      <p className="unrepresentable__hint">{t('encoding.reportHint')}</p>
    </div>
  )
}
