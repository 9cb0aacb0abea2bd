import { useTranslation } from 'react-i18next';
import type { SessionComparison } from '../../../contract/sessions';
import { momentTypeInfo } from '../../../domain/moments/moment-types';
import { localize } from '../../../domain/rubric/localized-text';
import { formatTimeMs } from '../ui/format';
import { useLocale } from '../ui/use-locale';

const laneHeight = 18;
const tickCount = 5;

/** Each reviewer's moments in a lane of their own, named, over a time axis of the whole call. */
export function MomentLanes({ reviews, durationMs }: { reviews: SessionComparison['reviews']; durationMs: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const ticks = Array.from({ length: tickCount + 1 }, (_, index) => (durationMs * index) / tickCount);
  return (
    <figure className="moment-lanes" aria-label={t('sessions.comparison.lanes')}>
      {reviews.map((review) => (
        <div key={review.reviewerId} className="moment-lane">
          <span className="moment-lane-name">{review.reviewerName}</span>
          <svg
            viewBox={`0 0 1000 ${laneHeight}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={t('sessions.comparison.laneOf', { name: review.reviewerName, count: review.moments.length })}
          >
            <rect x="0" y="2" width="1000" height="14" fill="currentColor" fillOpacity="0.06" />
            {review.moments.map((moment) => (
              <rect
                key={moment.id}
                x={(moment.startMs / durationMs) * 1000}
                y="3"
                width={Math.max(2, ((moment.endMs - moment.startMs) / durationMs) * 1000)}
                height="12"
                fill={momentTypeInfo[moment.type].colour}
              >
                <title>{`${review.reviewerName}: ${localize(momentTypeInfo[moment.type].label, locale)} (${formatTimeMs(moment.startMs)})`}</title>
              </rect>
            ))}
          </svg>
        </div>
      ))}
      <div className="moment-lane moment-lane-axis" aria-hidden="true">
        <span className="moment-lane-name" />
        <div className="moment-lane-ticks">
          {ticks.map((tickMs) => (
            <span key={tickMs}>{formatTimeMs(tickMs)}</span>
          ))}
        </div>
      </div>
    </figure>
  );
}
