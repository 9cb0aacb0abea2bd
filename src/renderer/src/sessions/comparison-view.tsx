import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { SessionSummary } from '../../../contract/sessions';
import { rubricItems, type RubricItem } from '../../../domain/rubric/model';
import { answerText, type AnswerWords } from '../../../domain/scoring/answer-text';
import type { ItemAnswer } from '../../../domain/scoring/answers';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useLocale } from '../ui/use-locale';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';
import { MomentLanes } from './moment-lanes';
import { maxOf } from '../../../domain/extremes';
import { ComparisonDiscussion } from './comparison-discussion';
import { ComparisonItemRow, ComparisonScoreRows, ReviewerHeader, type ConsensusDraft } from './comparison-rows';

/** A consensus draft ("level:2", "yes", "no", "not-applicable") as the answer it stands for. */
function draftAnswer(draft: string): ItemAnswer {
  return draft.startsWith('level:')
    ? { kind: 'level', value: Number(draft.slice(6)) }
    : ({ kind: draft } as ItemAnswer);
}

/** An answer as the comparison shows it, in the screen's language; a dash for none. */
function useShownAnswer(): (answer: ItemAnswer | null) => string {
  const { t } = useTranslation();
  const words: AnswerWords = {
    yes: t('review.item.yes'),
    no: t('review.item.no'),
    'not-applicable': t('review.item.notApplicable'),
  };
  return (answer) => (answer ? answerText(answer, words) : '—');
}

/** The lead's consensus drafts per item, and recording one (then the comparison is read again). */
function useConsensusDrafts(
  sessionId: string,
  callId: string,
  onRecorded: () => void,
  onError: (error: AppError | null) => void,
) {
  const transport = useTransport();
  const [drafts, setDrafts] = useState<Record<string, ConsensusDraft>>({});
  const setDraft = (itemId: string, draft: ConsensusDraft) => setDrafts({ ...drafts, [itemId]: draft });
  const record = async (item: RubricItem) => {
    const draft = drafts[item.id];
    if (!draft || !draft.answer) return;
    const result = await transport.invoke('sessions.setConsensus', {
      sessionId,
      callId,
      itemId: item.id,
      answer: draftAnswer(draft.answer),
      reason: draft.reason,
    });
    if (result.ok) {
      onError(null);
      onRecorded();
    } else onError(result.error);
  };
  return { drafts, setDraft, record };
}

/**
 * One call of a session: items × reviewers, each answer coloured by how it stands against the benchmark (or the mean of
 * the other reviewers) as `sessions.compare` measured it, section scores and totals, each reviewer's moments in their own lane, and the calibrated answer the lead records per item.
 */
export function ComparisonView({ session, callId }: { session: SessionSummary; callId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const comparison = useBackendQuery('sessions.compare', { sessionId: session.id, callId }, ['calls.changed']);
  const rubric = useBackendQuery('rubrics.get', { id: session.rubricId, version: session.rubricVersion });
  const call = useBackendQuery('calls.get', { callId });
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const consensus = useConsensusDrafts(session.id, callId, comparison.reload, setError);
  const shownAnswer = useShownAnswer();
  if (comparison.status === 'error') return <ErrorPanel error={comparison.error} />;
  if (comparison.status !== 'ok' || rubric.status !== 'ok') return null;
  const reviews = comparison.value.reviews;
  const durationMs =
    call.status === 'ok'
      ? call.value.call.durationMs
      : Math.max(1, maxOf(reviews.flatMap((review) => review.moments.map((moment) => moment.endMs))));
  const disagreements = new Set(
    comparison.value.items.filter((entry) => entry.disagreement).map((entry) => entry.itemId),
  );
  const items = rubricItems(rubric.value.rubric).map(({ item }) => item);
  const shown = onlyDisagreements ? items.filter((item) => disagreements.has(item.id)) : items;

  return (
    <section className="comparison" aria-labelledby="comparison-title">
      <h2 id="comparison-title">
        {t('sessions.comparison.title', { call: call.status === 'ok' ? call.value.call.title : callId })}
      </h2>
      <MomentLanes reviews={reviews} durationMs={durationMs} />
      <label className="check">
        <input
          type="checkbox"
          checked={onlyDisagreements}
          onChange={(event) => setOnlyDisagreements(event.target.checked)}
        />
        {t('sessions.comparison.onlyDisagreements')}
      </label>
      {error && <ErrorPanel error={error} />}
      <div className="table-wrap">
        <table className="review-table comparison-table" data-testid="comparison-table">
          <thead>
            <tr>
              <th scope="col">{t('sessions.report.item')}</th>
              {reviews.map((review) => (
                <ReviewerHeader key={review.reviewerId} review={review} />
              ))}
              <th scope="col">{t('sessions.comparison.consensus')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <ComparisonItemRow
                key={item.id}
                item={item}
                comparison={comparison.value}
                draft={consensus.drafts[item.id] ?? { answer: '', reason: '' }}
                onDraft={(draft) => consensus.setDraft(item.id, draft)}
                onRecord={() => void consensus.record(item)}
                shownAnswer={shownAnswer}
                locale={locale}
              />
            ))}
            <ComparisonScoreRows rubric={rubric.value.rubric} reviews={reviews} locale={locale} />
          </tbody>
        </table>
      </div>
      <ComparisonDiscussion
        sessionId={session.id}
        callId={callId}
        notes={comparison.value.notes}
        onAdded={comparison.reload}
        onError={setError}
      />
    </section>
  );
}
