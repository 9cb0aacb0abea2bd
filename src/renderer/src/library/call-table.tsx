import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSummary } from '../../../domain/call';
import { formatDuration } from '../../../domain/duration';
import { formatDateTime } from '../ui/calendar-date';
import { useLocale } from '../ui/use-locale';

const rowHeightPx = 52;
/** The next window loads while this many loaded rows are still below the last one in view. */
const loadAheadRows = 40;

function CallTableHeader() {
  const { t } = useTranslation();
  return (
    <div className="call-row call-row-header" role="row" aria-rowindex={1}>
      <span role="columnheader">{t('library.columns.title')}</span>
      <span role="columnheader">{t('library.columns.agent')}</span>
      <span role="columnheader">{t('library.columns.date')}</span>
      <span role="columnheader" className="numeric">
        {t('library.columns.duration')}
      </span>
      <span role="columnheader">{t('library.columns.status')}</span>
    </div>
  );
}

/** The status cell: the review status, a badge when the media was removed, and how many reviews there are. */
function CallStatusCell({ call }: { call: CallSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <span role="cell">
      <span className={`badge badge-${call.reviewStatus}`}>{t(`library.status.${call.reviewStatus}`)}</span>
      {call.mediaRemovedAtMs ? (
        <span
          className="badge badge-media-removed"
          data-testid="media-removed-badge"
          title={t('retention.libraryBadgeTitle', {
            date: formatDateTime(call.mediaRemovedAtMs, locale),
          })}
        >
          {t('retention.libraryBadge')}
        </span>
      ) : null}
      {call.reviewCount > 1 && <span className="muted"> · {t('library.reviews', { count: call.reviewCount })}</span>}
    </span>
  );
}

/** One call, placed absolutely at its offset in the virtual list. */
function CallRow({
  call,
  index,
  startPx,
  onOpen,
}: {
  call: CallSummary;
  index: number;
  startPx: number;
  onOpen: (callId: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formatDate = (iso: string | null) => {
    if (!iso) return t('library.unknownDate');
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatDateTime(date.getTime(), locale);
  };
  return (
    <div
      className="call-row"
      role="row"
      aria-rowindex={index + 2}
      data-call-id={call.id}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: rowHeightPx,
        transform: `translateY(${startPx}px)`,
      }}
    >
      <span role="cell" className="call-title">
        <button type="button" className="link-button" onClick={() => onOpen(call.id)}>
          {call.title}
        </button>
        {call.customerRef && <span className="muted"> · {call.customerRef}</span>}
      </span>
      <span role="cell">{call.agentName || <span className="muted">{t('library.noAgent')}</span>}</span>
      <span role="cell">{formatDate(call.recordedAt)}</span>
      <span role="cell" className="numeric">
        {formatDuration(call.durationMs)}
      </span>
      <CallStatusCell call={call} />
    </div>
  );
}

/**
 * The call list as a table; only the rows in view are in the DOM, and the next window of calls loads as the view
 * nears the end of the loaded ones (or on the button under the list), so 100,000 calls stay smooth.
 */
export function CallTable({
  calls,
  total,
  hasMore,
  onLoadMore,
  onOpen,
}: {
  calls: readonly CallSummary[];
  total: number;
  hasMore: boolean;
  onLoadMore: () => void;
  onOpen: (callId: string) => void;
}) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: calls.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeightPx,
    overscan: 8,
  });
  const lastInView = virtualizer.getVirtualItems().at(-1)?.index ?? 0;
  const nearEnd = hasMore && lastInView >= calls.length - loadAheadRows;
  useEffect(() => {
    if (nearEnd) onLoadMore();
  }, [nearEnd, calls.length, onLoadMore]);

  return (
    <div className="call-table" role="table" aria-label={t('library.title')} aria-rowcount={total + 1}>
      <CallTableHeader />
      <div className="call-table-body" ref={scrollRef}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const call = calls[item.index];
            if (!call) return null;
            return <CallRow key={call.id} call={call} index={item.index} startPx={item.start} onOpen={onOpen} />;
          })}
        </div>
      </div>
      {hasMore && (
        <div className="call-table-end">
          <button type="button" className="button" onClick={onLoadMore}>
            {t('reviewWindow.more', { shown: calls.length, total })}
          </button>
        </div>
      )}
    </div>
  );
}
