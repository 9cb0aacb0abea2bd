import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { AgentList } from '../../../contract/team';
import { useBackendQuery } from '../hooks/use-backend-query';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';

type Spelling = AgentList['spellings'][number];

/** The merges made so far, each undoable. */
function MergeList({ merges, onUndo }: { merges: AgentList['merges']; onUndo: (variant: string) => void }) {
  const { t } = useTranslation();
  if (merges.length === 0) return <p className="muted">{t('teamTools.noMerges')}</p>;
  return (
    <ul className="team-merge-list">
      {merges.map((merge) => (
        <li key={merge.variant}>
          {t('teamTools.mergedInto', { variant: merge.variant, agent: merge.agentName })}{' '}
          <button
            type="button"
            aria-label={t('teamTools.undoLabel', { variant: merge.variant, agent: merge.agentName })}
            onClick={() => onUndo(merge.variant)}
          >
            {t('teamTools.undo')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** One spelling not merged yet: how often it occurs, the agent to merge it into, and "Merge". */
function SpellingRow({
  spelling,
  agents,
  target,
  onTarget,
  onMerge,
}: {
  spelling: Spelling;
  agents: readonly string[];
  target: string;
  onTarget: (agent: string) => void;
  onMerge: () => void;
}) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">
        {spelling.name} <span className="muted">{t('teamTools.spellingCounts', { count: spelling.reviews })}</span>
      </th>
      <td>
        <select
          aria-label={t('teamTools.into') + ': ' + spelling.name}
          value={target}
          onChange={(event) => onTarget(event.target.value)}
        >
          <option value="">{t('teamTools.chooseAgent')}</option>
          {agents
            .filter((agent) => agent !== spelling.name)
            .map((agent) => (
              <option key={agent} value={agent}>
                {agent}
              </option>
            ))}
        </select>{' '}
        <button
          type="button"
          disabled={target === ''}
          aria-label={t('teamTools.mergeLabel', { variant: spelling.name, agent: target || '…' })}
          onClick={onMerge}
        >
          {t('teamTools.merge')}
        </button>
      </td>
    </tr>
  );
}

/** Spellings of one agent merged into one person (kept, undoable): every figure counts them as one. */
export function AgentMerges() {
  const { t } = useTranslation();
  const transport = useTransport();
  const list = useBackendQuery('agents.list', {}, ['calls.changed']);
  const [error, setError] = useState<AppError | null>(null);
  const [targets, setTargets] = useState<Record<string, string>>({});

  const apply = async (change: Promise<{ ok: true; value: AgentList } | { ok: false; error: AppError }>) => {
    const result = await change;
    setError(result.ok ? null : result.error);
    list.reload();
  };

  if (list.status === 'error') return <ErrorPanel error={list.error} onRetry={list.reload} />;
  if (list.status !== 'ok') return null;
  const { spellings, merges } = list.value;
  const agents = [...new Set(spellings.map((spelling) => spelling.agentName))].sort((a, b) => a.localeCompare(b));
  const unmerged = spellings.filter((spelling) => spelling.agentName === spelling.name);

  return (
    <section className="team-merges" aria-labelledby="team-merges-title">
      <h2 id="team-merges-title">{t('teamTools.merges')}</h2>
      <p className="muted">{t('teamTools.mergesIntro')}</p>
      {error && (
        <p role="alert" className="team-merge-error">
          {error.details?.problem === 'same' ? t('teamTools.mergeSame') : t(`errors.${error.code}`)}
        </p>
      )}
      <MergeList merges={merges} onUndo={(variant) => void apply(transport.invoke('agents.unmerge', { variant }))} />
      {unmerged.length === 0 ? (
        <p className="muted">{t('teamTools.noSpellings')}</p>
      ) : (
        <table className="review-table team-merge-table">
          <thead>
            <tr>
              <th scope="col">{t('teamTools.variant')}</th>
              <th scope="col">{t('teamTools.into')}</th>
            </tr>
          </thead>
          <tbody>
            {unmerged.map((spelling) => {
              const target = targets[spelling.name] ?? '';
              return (
                <SpellingRow
                  key={spelling.name}
                  spelling={spelling}
                  agents={agents}
                  target={target}
                  onTarget={(agent) => setTargets((all) => ({ ...all, [spelling.name]: agent }))}
                  onMerge={() => void apply(transport.invoke('agents.merge', { variant: spelling.name, into: target }))}
                />
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
