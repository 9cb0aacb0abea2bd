import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcutList } from './player-shortcuts';

/** The keyboard cheat sheet (`?`). */
export function ShortcutsDialog({ open, onClose, enabled }: { open: boolean; onClose: () => void; enabled: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      {!enabled && <p className="muted">{t('shortcuts.disabled')}</p>}
      <dl className="shortcut-list">
        {shortcutList.map(([keys, label]) => (
          <div key={label}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('shortcuts.scope')}</p>
      <button type="button" className="button" onClick={onClose} autoFocus>
        {t('common.close')}
      </button>
    </dialog>
  );
}
