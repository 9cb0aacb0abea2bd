import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/schemas';

/** Tells the user, once per start, that a damaged database was moved aside and where it is. */
export function RecoveredNotice({ recovered }: { recovered: AppInfo['recoveredDatabase'] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (!recovered || dismissed) return null;
  return (
    <div className="notice notice-warning" role="alert">
      <p>{t('notice.recovered', { reason: recovered.reason, movedTo: recovered.movedTo })}</p>
      <button type="button" className="button" onClick={() => setDismissed(true)}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
