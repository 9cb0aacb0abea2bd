import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../../contract/reviews';
import type { Rubric } from '../../../domain/rubric/model';
import { formatDateTime, formatScore } from '../ui/format';
import { useLocale } from '../ui/use-locale';

/** Who did what to the review and when; a resubmit lists the items that changed. */
export function AuditTrail({ audit }: { audit: ReviewDetail['audit']; rubric: Rubric }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <details className="audit-trail" open={audit.some((entry) => entry.action === 'reopened')}>
      <summary>{t('review.audit.title')}</summary>
      <ol data-testid="audit-trail">
        {audit.map((entry, index) => {
          const changes = Array.isArray(entry.details.changes) ? (entry.details.changes as { itemId: string }[]) : [];
          const totalBefore = typeof entry.details.totalBefore === 'number' ? entry.details.totalBefore : null;
          const total = typeof entry.details.total === 'number' ? entry.details.total : null;
          return (
            <li key={index} data-action={entry.action}>
              <strong>{t(`review.audit.${entry.action}`)}</strong> ·{' '}
              {t('review.audit.by', {
                name: entry.reviewerName ?? entry.reviewerId,
                time: formatDateTime(entry.atMs, locale),
              })}
              {entry.reason && <p className="audit-reason">“{entry.reason}”</p>}
              {changes.length > 0 && (
                <p className="muted">
                  {t('review.audit.changes', { items: changes.map((change) => change.itemId).join(', ') })}
                </p>
              )}
              {totalBefore !== null && total !== null && totalBefore !== total && (
                <p className="muted">
                  {t('review.audit.totalChange', {
                    before: formatScore(totalBefore, locale),
                    after: formatScore(total, locale),
                  })}
                </p>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}
