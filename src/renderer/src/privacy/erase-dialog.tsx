import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from './modal-dialog';

/** Asks to type a word before erasing calls for good: a click alone never erases. */
export function EraseDialog({
  count,
  onConfirm,
  onCancel,
}: {
  count: number;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const word = t('requests.eraseConfirmWord');
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim() === word;
  return (
    <ModalDialog className="erase-dialog" labelledBy="erase-dialog-title" onClose={onCancel} testId="erase-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (confirmed) onConfirm();
        }}
      >
        <h2 id="erase-dialog-title">{t('requests.eraseTitle', { count })}</h2>
        <p>{t('requests.eraseText')}</p>
        <label className="field">
          <span>{t('requests.eraseConfirmLabel', { word })}</span>
          <input value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" autoFocus />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel}>
            {t('requests.cancel')}
          </button>
          <button type="submit" className="button danger" disabled={!confirmed}>
            {t('requests.eraseConfirm')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
