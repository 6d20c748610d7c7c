import { useTranslation } from 'react-i18next'
import type { ActingRole } from '@qalam/shared/workflow'
import { actionsFor } from './segmentActions.ts'
import { TAG_SHORTCUTS } from '../tags/tagShortcuts.ts'

/** The keyboard shortcuts the user's role has, with Enter's in-segment line break. */
export function ShortcutHelp({ role, onClose }: { role: ActingRole; onClose: () => void }) {
  const { t } = useTranslation()
  const rows = [
    ...actionsFor(role).map((action) => ({
      label: t(`shortcuts.${action.name}`),
      keys: action.keys,
    })),
    { label: t('shortcuts.lineBreak'), keys: [['Enter']] },
    ...TAG_SHORTCUTS.map((shortcut) => ({
      label: t(`tags.${shortcut.name}`),
      keys: shortcut.keys,
    })),
  ]
  return (
    <aside
      className="shortcut-help"
      aria-labelledby="shortcut-help-title"
      data-testid="shortcut-help"
    >
      <div className="shortcut-help__header">
        <h2 id="shortcut-help-title">{t('shortcuts.title')}</h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
      <dl className="shortcut-help__list">
        {rows.map((row) => (
          <div key={row.label} className="shortcut-help__row">
            <dt dir="ltr">
              {row.keys.map((combo, comboIndex) => (
                <span key={combo.join('+')} className="shortcut-help__combo">
                  {comboIndex > 0 && <span className="shortcut-help__or">/</span>}
                  {combo.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </span>
              ))}
            </dt>
            <dd>{row.label}</dd>
          </div>
        ))}
      </dl>
    </aside>
  )
}
