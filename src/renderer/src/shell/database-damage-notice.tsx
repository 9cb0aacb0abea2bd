import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../contract/schemas';

/**
 * Tells the user that the background check of the database file (run after a clean close instead of before
 * opening) found damage, and what to do: a restart checks before opening and sets the damaged file aside.
 */
export function DatabaseDamageNotice({ check }: { check: AppInfo['databaseCheck'] }) {
  const { t } = useTranslation();
  if (check.state !== 'damaged') return null;
  return (
    <div className="notice notice-warning" role="alert" data-testid="database-damage-notice">
      <p>{t('notice.damaged', { damage: check.damage ?? '' })}</p>
    </div>
  );
}
