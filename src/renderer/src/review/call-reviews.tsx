import { useTranslation } from 'react-i18next';
import { useBackendQuery } from '../hooks/use-backend-query';
import { formatDateTime, formatScore } from '../ui/format';
import { useLocale } from '../ui/use-locale';

/** Every review of this call (by every reviewer on this machine), with status and total. */
export function CallReviews({ callId, currentReviewId }: { callId: string; currentReviewId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reviews = useBackendQuery('reviews.list', { callId }, ['calls.changed']);
  if (reviews.status !== 'ok') return null;
  return (
    <details className="other-reviews">
      <summary>
        {t('review.otherReviews')} ({reviews.value.length})
      </summary>
      <ul data-testid="call-reviews">
        {reviews.value.map((row) => (
          <li key={row.id} aria-current={row.id === currentReviewId ? 'true' : undefined}>
            {row.reviewerName ?? row.reviewerId} · {t(`review.status.${row.status}`)} · {formatScore(row.total, locale)}{' '}
            · {formatDateTime(row.updatedAtMs, locale)}
          </li>
        ))}
      </ul>
    </details>
  );
}
