import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../shell/error-panel';
import { CallTable } from './call-table';
import { EmptyLibrary } from './empty-library';
import { TranscriptHits, TranscriptSearchFields, type SpeakerFilter } from './transcript-search';
import { useCallWindows } from './use-call-windows';

/**
 * The first screen: every call with its agent, date, duration and review status, loaded a window at a time as the
 * list scrolls; or, while something is typed in the transcript search, the turns of any call where it was said.
 */
export function CallLibrary({
  onOpen,
  onOpenAt,
  onImport,
}: {
  onOpen: (callId: string) => void;
  onOpenAt: (callId: string, atMs: number) => void;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search.trim());
  const [spoken, setSpoken] = useState('');
  const deferredSpoken = useDeferredValue(spoken.trim());
  const [speaker, setSpeaker] = useState<SpeakerFilter>('anyone');
  const calls = useCallWindows(deferredSearch);

  return (
    <section className="screen" aria-labelledby="library-title">
      <header className="screen-header">
        <div>
          <h1 id="library-title">{t('library.title')}</h1>
          {calls.status === 'ok' && (
            <p className="muted" data-testid="call-count">
              {t('library.count', { count: calls.total })}
            </p>
          )}
        </div>
        <div className="screen-header-actions">
          <input
            type="search"
            className="search-input"
            aria-label={t('library.search')}
            placeholder={t('library.searchPlaceholder')}
            value={search}
            maxLength={200}
            onChange={(event) => setSearch(event.target.value)}
          />
          <button type="button" className="button primary" onClick={onImport}>
            {t('import.button')}
          </button>
        </div>
      </header>
      <TranscriptSearchFields query={spoken} speaker={speaker} onQuery={setSpoken} onSpeaker={setSpeaker} />
      {deferredSpoken && <TranscriptHits query={deferredSpoken} speaker={speaker} onOpenAt={onOpenAt} />}
      {!deferredSpoken && calls.status === 'loading' && <p className="muted">{t('library.loading')}</p>}
      {!deferredSpoken && calls.status === 'error' && <ErrorPanel error={calls.error} onRetry={calls.reload} />}
      {!deferredSpoken &&
        calls.status === 'ok' &&
        calls.rows.length === 0 &&
        (deferredSearch ? (
          <p className="muted">{t('library.noMatches', { search: deferredSearch })}</p>
        ) : (
          <EmptyLibrary />
        ))}
      {!deferredSpoken && calls.status === 'ok' && calls.rows.length > 0 && (
        <CallTable
          // A new search is a new list from its top: a fresh table, so no scroll position of the list before it can
          // count as having reached the end and load the next window unasked.
          key={deferredSearch}
          calls={calls.rows}
          total={calls.total}
          hasMore={calls.hasMore}
          onLoadMore={calls.loadMore}
          onOpen={onOpen}
        />
      )}
    </section>
  );
}
