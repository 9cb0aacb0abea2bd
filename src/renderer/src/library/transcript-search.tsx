import { useTranslation } from 'react-i18next';
import type { TranscriptHit } from '../../../contract/transcript-search';
import { formatDuration } from '../../../domain/duration';
import { useBackendQuery } from '../hooks/use-backend-query';
import { ErrorPanel } from '../shell/error-panel';

export type SpeakerFilter = 'anyone' | 'agent' | 'customer';

/** The search box for what was said in any call, with who said it. */
export function TranscriptSearchFields({
  query,
  speaker,
  onQuery,
  onSpeaker,
}: {
  query: string;
  speaker: SpeakerFilter;
  onQuery: (query: string) => void;
  onSpeaker: (speaker: SpeakerFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="transcript-search-fields" role="search">
      <input
        type="search"
        className="search-input"
        aria-label={t('transcriptSearch.label')}
        placeholder={t('transcriptSearch.placeholder')}
        value={query}
        maxLength={200}
        onChange={(event) => onQuery(event.target.value)}
      />
      <label>
        {t('transcriptSearch.speaker')}{' '}
        <select value={speaker} onChange={(event) => onSpeaker(event.target.value as SpeakerFilter)}>
          <option value="anyone">{t('transcriptSearch.anyone')}</option>
          <option value="customer">{t('transcriptSearch.customer')}</option>
          <option value="agent">{t('transcriptSearch.agent')}</option>
        </select>
      </label>
    </div>
  );
}

/** Every turn that matched, in context; a click opens the call at the hit's first word. */
export function TranscriptHits({
  query,
  speaker,
  onOpenAt,
}: {
  query: string;
  speaker: SpeakerFilter;
  onOpenAt: (callId: string, atMs: number) => void;
}) {
  const { t } = useTranslation();
  const result = useBackendQuery(
    'calls.searchTranscripts',
    speaker === 'anyone' ? { query } : { query, role: speaker },
    ['calls.changed'],
  );
  if (result.status === 'loading') return <p className="muted">{t('transcriptSearch.searching')}</p>;
  if (result.status === 'error') return <ErrorPanel error={result.error} onRetry={result.reload} />;
  const { hits, more, lastWordWhole } = result.value;
  const wholeWordHint = lastWordWhole && (
    <p className="muted" data-testid="transcript-whole-word">
      {t('transcriptSearch.wholeWord', { word: query.trim().split(/\s+/).at(-1) ?? '' })}
    </p>
  );
  if (hits.length === 0)
    return (
      <>
        <p className="muted">{t('transcriptSearch.none', { query })}</p>
        {wholeWordHint}
      </>
    );
  return (
    <section className="transcript-hits" aria-label={t('transcriptSearch.results')}>
      {wholeWordHint}
      <p className="muted" data-testid="transcript-hit-count">
        {more ? t('transcriptSearch.more', { count: hits.length }) : t('transcriptSearch.hits', { count: hits.length })}
      </p>
      <ol className="transcript-hit-list" data-testid="transcript-hits">
        {hits.map((hit) => (
          <li key={`${hit.callId}:${hit.segment}`}>
            <HitRow hit={hit} onOpenAt={onOpenAt} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function HitRow({ hit, onOpenAt }: { hit: TranscriptHit; onOpenAt: (callId: string, atMs: number) => void }) {
  const { t } = useTranslation();
  const time = formatDuration(hit.atMs);
  return (
    <button
      type="button"
      className="transcript-hit"
      aria-label={t('transcriptSearch.openAt', { title: hit.title, time })}
      onClick={() => onOpenAt(hit.callId, hit.atMs)}
    >
      <span className="transcript-hit-heading">
        <strong>{hit.title}</strong>
        <span className="muted">
          {' · '}
          {hit.speaker ?? t(`transcriptSearch.${hit.role}`)}
          {hit.speaker && hit.role !== 'unknown' ? ` (${t(`transcriptSearch.${hit.role}`)})` : ''}
          {' · '}
          <time>{time}</time>
        </span>
      </span>
      <span className="transcript-hit-context">
        {hit.before && `… ${hit.before} `}
        <mark>{hit.hit}</mark>
        {hit.after && ` ${hit.after} …`}
      </span>
    </button>
  );
}
