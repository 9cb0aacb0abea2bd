import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { formatDateTime } from '../ui/format';
import { useLocale } from '../ui/use-locale';

/** Says why a call has no recording or transcript any more, instead of a player that cannot play. */
export function MediaRemovedNotice({ removed }: { removed: NonNullable<CallDetail['mediaRemoved']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = formatDateTime(removed.atMs, locale);
  return (
    <p className="notice media-removed" role="status" data-testid="media-removed" data-reason={removed.reason}>
      {removed.reason === 'request'
        ? t('requests.mediaRemoved', { date })
        : t('requests.mediaRemovedRetention', { date })}
    </p>
  );
}
