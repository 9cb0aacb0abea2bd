import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { SessionSummary } from '../../../contract/sessions';
import { localize } from '../../../domain/rubric/localized-text';
import { rubricItems, type RubricItem } from '../../../domain/rubric/model';
import { answerText, type AnswerWords } from '../../../domain/scoring/answer-text';
import type { ItemAnswer } from '../../../domain/scoring/answers';
import { useBackendQuery } from '../hooks/use-backend-query';
import { formatScore } from '../ui/format';
import { useLocale } from '../ui/use-locale';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';
import { MomentLanes } from './moment-lanes';
import { maxOf } from '../../../domain/extremes';

/** The class of an answer's cell: how it stands against the benchmark or the others, as the backend measured it. */
const deviationClass = { benchmark: 'benchmark', within: 'dev-ok', outside: 'dev-off' } as const;

/**
 * One call of a session: items × reviewers, each answer coloured by how it stands against the benchmark (or the mean of
 * the other reviewers) as `sessions.compare` measured it, section scores and totals, each reviewer's moments in their own lane, and the calibrated answer the lead records per item.
 */
export function ComparisonView({ session, callId }: { session: SessionSummary; callId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const comparison = useBackendQuery('sessions.compare', { sessionId: session.id, callId }, ['calls.changed']);
  const rubric = useBackendQuery('rubrics.get', { id: session.rubricId, version: session.rubricVersion });
  const call = useBackendQuery('calls.get', { callId });
  const [onlyDisagreements, setOnlyDisagreements] = useState(false);
  const [drafts, setDrafts] = useState<Record<string, { answer: string; reason: string }>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [note, setNote] = useState('');
  if (comparison.status === 'error') return <ErrorPanel error={comparison.error} />;
  if (comparison.status !== 'ok' || rubric.status !== 'ok') return null;
  const reviews = comparison.value.reviews;
  const durationMs =
    call.status === 'ok'
      ? call.value.call.durationMs
      : Math.max(1, maxOf(reviews.flatMap((review) => review.moments.map((moment) => moment.endMs))));
  const answerOf = (reviewIndex: number, itemId: string) =>
    reviews[reviewIndex]!.answers.find((answer) => answer.itemId === itemId)?.answer ?? null;
  const words: AnswerWords = {
    yes: t('review.item.yes'),
    no: t('review.item.no'),
    'not-applicable': t('review.item.notApplicable'),
  };
  const shownAnswer = (answer: ItemAnswer | null) => (answer ? answerText(answer, words) : '—');
  const comparedItems = new Map(comparison.value.items.map((entry) => [entry.itemId, entry]));
  const items = rubricItems(rubric.value.rubric).map(({ item }) => item);
  const shown = onlyDisagreements ? items.filter((item) => comparedItems.get(item.id)?.disagreement) : items;
  const consensusOf = (itemId: string) => comparison.value.consensus.find((record) => record.itemId === itemId);

  const record = async (item: RubricItem) => {
    const draft = drafts[item.id];
    if (!draft || !draft.answer) return;
    const answer: ItemAnswer = draft.answer.startsWith('level:')
      ? { kind: 'level', value: Number(draft.answer.slice(6)) }
      : ({ kind: draft.answer } as ItemAnswer);
    const result = await transport.invoke('sessions.setConsensus', {
      sessionId: session.id,
      callId,
      itemId: item.id,
      answer,
      reason: draft.reason,
    });
    if (result.ok) {
      setError(null);
      comparison.reload();
    } else setError(result.error);
  };

  const addNote = async () => {
    const result = await transport.invoke('sessions.addNote', { sessionId: session.id, callId, text: note });
    if (result.ok) {
      setNote('');
      comparison.reload();
    } else setError(result.error);
  };

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
                <th key={review.reviewerId} scope="col">
                  {review.reviewerName}
                  <div className="muted small">
                    {review.submitted
                      ? review.revision && review.revision > 1
                        ? t('sessions.comparison.revision', { revision: review.revision })
                        : ''
                      : t('sessions.comparison.notSubmitted')}
                  </div>
                </th>
              ))}
              <th scope="col">{t('sessions.comparison.consensus')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => {
              const consensus = consensusOf(item.id);
              const draft = drafts[item.id] ?? { answer: '', reason: '' };
              return (
                <tr key={item.id} data-item-id={item.id}>
                  <th scope="row">
                    {item.id} {localize(item.title, locale)}
                  </th>
                  {reviews.map((review, index) => {
                    const deviation = comparedItems.get(item.id)?.deviations[index] ?? null;
                    return (
                      <td key={review.reviewerId} className={deviation ? deviationClass[deviation] : ''}>
                        {review.submitted ? shownAnswer(answerOf(index, item.id)) : ''}
                        {deviation === 'outside' && (
                          <span className="visually-hidden"> ({t('sessions.comparison.outside')})</span>
                        )}
                        {deviation === 'benchmark' && (
                          <span className="visually-hidden"> ({t('sessions.comparison.benchmarkMark')})</span>
                        )}
                      </td>
                    );
                  })}
                  <td>
                    {consensus && (
                      <div className="consensus-recorded">
                        <strong>{shownAnswer(consensus.answer)}</strong>{' '}
                        <span className="muted">“{consensus.reason}”</span>
                      </div>
                    )}
                    <div className="consensus-form">
                      <select
                        aria-label={`${t('sessions.comparison.consensus')} ${item.id}`}
                        value={draft.answer}
                        onChange={(event) =>
                          setDrafts({ ...drafts, [item.id]: { ...draft, answer: event.target.value } })
                        }
                      >
                        <option value="">—</option>
                        {item.scale.kind === 'ordinal'
                          ? item.scale.levels.map((level) => (
                              <option key={level.value} value={`level:${level.value}`}>
                                {level.value} · {localize(level.label, locale)}
                              </option>
                            ))
                          : (['yes', 'no'] as const).map((kind) => (
                              <option key={kind} value={kind}>
                                {t(`review.item.${kind}`)}
                              </option>
                            ))}
                        {item.notApplicableAllowed && (
                          <option value="not-applicable">{t('review.item.notApplicable')}</option>
                        )}
                      </select>
                      <input
                        aria-label={`${t('sessions.comparison.reason')} ${item.id}`}
                        placeholder={t('sessions.comparison.reason')}
                        value={draft.reason}
                        onChange={(event) =>
                          setDrafts({ ...drafts, [item.id]: { ...draft, reason: event.target.value } })
                        }
                      />
                      <button
                        type="button"
                        className="button"
                        disabled={!draft.answer || draft.reason.trim().length < 3}
                        onClick={() => void record(item)}
                      >
                        {t('sessions.comparison.save')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
            {rubric.value.rubric.sections.map((section, sectionIndex) => (
              <tr key={`section-${section.id}`} className="section-row" data-section-id={section.id}>
                <th scope="row">
                  {section.id}. {localize(section.title, locale)}
                </th>
                {reviews.map((review) => (
                  <td key={review.reviewerId} className="number">
                    {review.score ? formatScore(review.score.sections[sectionIndex] ?? null, locale) : ''}
                  </td>
                ))}
                <td />
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">{t('sessions.comparison.total')}</th>
              {reviews.map((review) => (
                <td key={review.reviewerId} className="number">
                  {review.score ? formatScore(review.score.total, locale) : ''}
                </td>
              ))}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <section className="discussion" aria-labelledby="discussion-title">
        <h3 id="discussion-title">{t('sessions.comparison.notes')}</h3>
        <ol data-testid="discussion-notes">
          {comparison.value.notes.map((entry, index) => (
            <li key={index}>
              <strong>{entry.authorName}</strong>
              {entry.itemId ? ` (${entry.itemId})` : ''}: {entry.text}
            </li>
          ))}
        </ol>
        <form
          className="note-form"
          onSubmit={(event) => {
            event.preventDefault();
            void addNote();
          }}
        >
          <label>
            <span className="visually-hidden">{t('sessions.comparison.note')}</span>
            <textarea
              rows={2}
              value={note}
              maxLength={5000}
              onChange={(event) => setNote(event.target.value)}
              placeholder={t('sessions.comparison.note')}
            />
          </label>
          <button type="submit" className="button" disabled={note.trim() === ''}>
            {t('sessions.comparison.addNote')}
          </button>
        </form>
      </section>
    </section>
  );
}
