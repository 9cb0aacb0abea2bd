import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../../contract/reviews';
import type { Rubric } from '../../../domain/rubric/model';
import { suggestionKinds, type SuggestionKind } from '../../../domain/assist/suggestions';
import { formatDateTime, formatScore, formatTimeMs } from '../ui/format';
import { useLocale } from '../ui/use-locale';

/** The suggestion a history entry decided on (accepted into a moment or dismissed), if it is one. */
function suggestionOf(entry: ReviewDetail['audit'][number]): { kind: SuggestionKind; startMs: number } | null {
  const { kind, startMs } = entry.details;
  if (typeof kind !== 'string' || typeof startMs !== 'number') return null;
  return (suggestionKinds as readonly string[]).includes(kind) ? { kind: kind as SuggestionKind, startMs } : null;
}

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
              <strong>
                {entry.action === 'suggestion-accepted' || entry.action === 'suggestion-dismissed'
                  ? t(`assist.audit.${entry.action}`)
                  : t(`review.audit.${entry.action}`)}
              </strong>{' '}
              ·{' '}
              {t('review.audit.by', {
                name: entry.reviewerName ?? entry.reviewerId,
                time: formatDateTime(entry.atMs, locale),
              })}
              {entry.reason && <p className="audit-reason">“{entry.reason}”</p>}
              {suggestionOf(entry) && (
                <p className="muted">
                  {t('assist.audit.detail', {
                    kind: t(`assist.kinds.${suggestionOf(entry)!.kind}`),
                    time: formatTimeMs(suggestionOf(entry)!.startMs),
                  })}
                </p>
              )}
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
