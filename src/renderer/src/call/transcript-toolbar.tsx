import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptSearch } from './use-transcript-search';
import type { WordSelection } from './use-word-selection';

/** The transcript's search field and its hit steps. */
function TranscriptSearchField({
  search,
  searchRef,
}: {
  search: TranscriptSearch;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <input
        ref={searchRef}
        type="search"
        className="search-input"
        placeholder={t('transcript.searchPlaceholder')}
        aria-label={t('transcript.search')}
        value={search.query}
        onChange={(event) => search.setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            search.stepHit(event.shiftKey ? -1 : 1);
          }
        }}
      />
      <span className="muted" data-testid="search-count" aria-live="polite">
        {search.counter ? t('transcript.hits', search.counter) : ''}
      </span>
      <button
        type="button"
        className="icon-button"
        onClick={() => search.stepHit(-1)}
        disabled={search.hitCount === 0}
        aria-label={t('transcript.previousHit')}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => search.stepHit(1)}
        disabled={search.hitCount === 0}
        aria-label={t('transcript.nextHit')}
      >
        ↓
      </button>
    </>
  );
}

/** What can be made of selected words: a moment (review mode) or a redacted range. */
function SelectionActions({
  selection,
  onMoment,
  onRedact,
}: {
  selection: WordSelection;
  onMoment: ((startMs: number, endMs: number, role: string) => void) | null;
  onRedact?: (startMs: number, endMs: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {onMoment && (
        <button
          type="button"
          className="button primary"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            onMoment(selection.startMs, selection.endMs, selection.role);
            window.getSelection()?.removeAllRanges();
          }}
        >
          + {t('moments.fromSelection')}
        </button>
      )}
      {onRedact && (
        // Floats over the transcript: appearing mid-drag must not reflow the toolbar and move the text being selected.
        <button
          type="button"
          className="button redact-selection"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onRedact(selection.startMs, selection.endMs)}
        >
          {t('redaction.fromSelection')}
        </button>
      )}
    </>
  );
}

/** Above the transcript: search, what to make of selected words, whether word times are estimated, follow again. */
export function TranscriptToolbar({
  search,
  searchRef,
  selection,
  onMoment,
  onRedact,
  estimatedWordTimes,
  following,
  onFollow,
}: {
  search: TranscriptSearch;
  searchRef: RefObject<HTMLInputElement | null>;
  selection: WordSelection | null;
  onMoment: ((startMs: number, endMs: number, role: string) => void) | null;
  onRedact?: (startMs: number, endMs: number) => void;
  estimatedWordTimes: boolean;
  following: boolean;
  onFollow: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="transcript-toolbar">
      <TranscriptSearchField search={search} searchRef={searchRef} />
      {selection && <SelectionActions selection={selection} onMoment={onMoment} onRedact={onRedact} />}
      {estimatedWordTimes && (
        <span
          className="estimated-times muted"
          title={t('transcript.estimatedTimesHint')}
          data-testid="estimated-times"
        >
          {t('transcript.estimatedTimes')}
          <span className="visually-hidden">: {t('transcript.estimatedTimesHint')}</span>
        </span>
      )}
      {!following && (
        <button type="button" className="button follow-button" onClick={onFollow}>
          {t('transcript.backToPlayhead')}
        </button>
      )}
    </div>
  );
}
