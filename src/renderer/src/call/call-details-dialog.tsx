import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { CallDetailsForm } from './call-details-form';
import { SpeakerRolesForm } from './speaker-roles-form';

/** The call's details and speaker roles in a dialog over the screen, so editing them never reflows the workspace. */
export function CallDetailsDialog({
  detail,
  onClose,
  onSaved,
  onRolesSaved,
}: {
  detail: CallDetail;
  onClose: () => void;
  onSaved: (detail: CallDetail) => void;
  onRolesSaved: (detail: CallDetail) => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="dialog details-dialog" onClose={onClose} aria-labelledby="details-dialog-title">
      <div className="dialog-head">
        <h2 id="details-dialog-title">{t('workspace.detailsTitle')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <CallDetailsForm detail={detail} onCancel={onClose} onSaved={onSaved} />
      {detail.transcript && <SpeakerRolesForm detail={detail} onSaved={onRolesSaved} />}
    </dialog>
  );
}
