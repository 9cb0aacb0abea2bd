import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/calendar-date';
import { useLocale } from '../ui/use-locale';

/** In place of the player: the retention rule removed the recording and transcript; the review work stays. */
export function MediaRemovedNotice({ removedAtMs }: { removedAtMs: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="player media-removed" aria-label={t('workspace.player')}>
      <p className="notice notice-info" role="note" data-testid="media-removed-notice">
        {t('retention.callNotice', { date: formatDateTime(removedAtMs, locale) })}
      </p>
    </section>
  );
}
