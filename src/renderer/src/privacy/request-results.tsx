import { useTranslation } from 'react-i18next';
import type { RequestFindResult } from '../../../contract/requests';
import { formatTimeMs } from '../ui/format';

type FoundCall = RequestFindResult['calls'][number];

function MatchLine({ match }: { match: FoundCall['matches'][number] }) {
  const { t } = useTranslation();
  return (
    <li>
      <span className="muted">
        {t(`requests.where.${match.where}`, { time: match.atMs === null ? '' : formatTimeMs(match.atMs) })}:
      </span>{' '}
      <q>
        {match.before}
        <mark>{match.match}</mark>
        {match.after}
      </q>
    </li>
  );
}

/** The calls found, each with where it matched; checkboxes choose what to export or erase. */
export function RequestResults({
  result,
  selected,
  onSelect,
}: {
  result: RequestFindResult;
  selected: ReadonlySet<string>;
  onSelect: (selected: ReadonlySet<string>) => void;
}) {
  const { t } = useTranslation();
  const ids = result.calls.map((found) => found.call.id);
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect(next);
  };
  return (
    <div className="request-results">
      <p role="status">
        {t(`requests.kinds.${result.queryKind}`)} ·{' '}
        {result.calls.length === 0 ? t('requests.noResults') : t('requests.found', { count: result.calls.length })}
      </p>
      {result.calls.length > 0 && (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={allSelected}
              onChange={(event) => onSelect(new Set(event.target.checked ? ids : []))}
            />
            <span>{t('requests.selectAll')}</span>
          </label>
          <ul className="request-calls" data-testid="request-results">
            {result.calls.map((found) => (
              <li key={found.call.id} data-testid="request-call" data-call-id={found.call.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={selected.has(found.call.id)}
                    onChange={(event) => toggle(found.call.id, event.target.checked)}
                    aria-label={t('requests.select', { title: found.call.title })}
                  />
                  <strong>{found.call.title}</strong>
                  <span className="muted">
                    {[found.call.agentName, found.call.recordedAt?.slice(0, 10)].filter(Boolean).join(' · ')}
                  </span>
                </label>
                <ul className="request-matches">
                  {found.matches.map((match, index) => (
                    <MatchLine key={index} match={match} />
                  ))}
                  {found.matchCount > found.matches.length && (
                    <li className="muted">
                      {t('requests.moreMatches', { count: found.matchCount - found.matches.length })}
                    </li>
                  )}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
