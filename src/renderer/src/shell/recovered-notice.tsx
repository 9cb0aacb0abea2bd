import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/schemas';
import { useTransport } from '../transport/transport-context';

/**
 * Tells the user that a damaged database was moved aside and where it is. The notice is stored with the database,
 * so it comes back at every start until the user dismisses it here.
 */
export function RecoveredNotice({ recovered }: { recovered: AppInfo['recoveredDatabase'] }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [dismissed, setDismissed] = useState(false);
  if (!recovered || dismissed) return null;
  // Hidden once the backend has forgotten it; if that fails the notice stays, so it is never lost unread.
  const dismiss = () =>
    void transport.invoke('app.dismissRecoveryNotice', {}).then((result) => result.ok && setDismissed(true));
  return (
    <div className="notice notice-warning" role="alert">
      <p>{t('notice.recovered', { reason: recovered.reason, movedTo: recovered.movedTo })}</p>
      <button type="button" className="button" onClick={dismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
