import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { SessionSummary } from '../../../contract/sessions';
import { momentTypeInfo } from '../../../domain/moments/moment-types';
import type { CallContext } from '../../../domain/rubric/call-context';
import { localize } from '../../../domain/rubric/localized-text';
import { rubricItems, type RubricItem } from '../../../domain/rubric/model';
import type { ItemAnswer } from '../../../domain/scoring/answers';
import { scoreReview } from '../../../domain/scoring/score-review';
import { useBackendQuery } from '../hooks/use-backend-query';
import { formatScore } from '../review/format';
import { useLocale } from '../review/use-locale';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';

function answerText(answer: ItemAnswer | null | undefined, t: (key: string) => string): string {
  if (!answer) return '—';
  switch (answer.kind) {
    case 'level':
      return String(answer.value);
    case 'yes':
      return t('review.item.yes');
    case 'no':
      return t('review.item.no');
    case 'not-applicable':
      return t('review.item.notApplicable');
  }
}

/** A number for distances: the level, Ja = 1, Nee = 0; N.v.t. and missing have none. */
const numeric = (answer: ItemAnswer | null | undefined): number | null => (answer?.kind === 'level' ? answer.value : answer?.kind === 'yes' ? 1 : answer?.kind === 'no' ? 0 : null);

/**
 * One call of a session: items × reviewers, each answer coloured by its distance from the benchmark (or the group
 * median), totals, each reviewer's moments in their own lane, and the calibrated answer the lead records per item.
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
  const benchmarkIndex = reviews.findIndex((review) => review.reviewerId === session.benchmarkReviewerId);
  const durationMs = call.status === 'ok' ? call.value.call.durationMs : Math.max(1, ...reviews.flatMap((review) => review.moments.map((moment) => moment.endMs)));
  const answerOf = (reviewIndex: number, itemId: string) => reviews[reviewIndex]!.answers.find((answer) => answer.itemId === itemId)?.answer ?? null;

  const deviationClass = (item: RubricItem, reviewIndex: number): string => {
    const mine = numeric(answerOf(reviewIndex, item.id));
    if (mine === null || !reviews[reviewIndex]!.submitted) return '';
    // The benchmark is the reference itself, not a deviation.
    if (reviewIndex === benchmarkIndex) return 'benchmark';
    const others = benchmarkIndex >= 0 ? [numeric(answerOf(benchmarkIndex, item.id))] : reviews.map((_, index) => (index === reviewIndex ? null : numeric(answerOf(index, item.id))));
    const present = others.filter((value): value is number => value !== null).sort((a, b) => a - b);
    if (present.length === 0) return '';
    const reference = present[Math.floor(present.length / 2)]!;
    const tolerance = item.scale.kind === 'ordinal' ? session.toleranceItem : 0;
    return Math.abs(mine - reference) <= tolerance ? 'dev-ok' : 'dev-off';
  };

  const items = rubricItems(rubric.value.rubric).map(({ item }) => item);
  const scores = reviews.map((review) => {
    if (!review.submitted) return null;
    const answers = Object.fromEntries(review.answers.filter((answer) => answer.answer !== null).map((answer) => [answer.itemId, answer.answer!]));
    return scoreReview(rubric.value.rubric, answers, review.context as CallContext | null);
  });
  const disagreeing = (item: RubricItem) => new Set(reviews.filter((review) => review.submitted).map((_, index) => answerText(answerOf(index, item.id), t))).size > 1;
  const shown = onlyDisagreements ? items.filter(disagreeing) : items;
  const consensusOf = (itemId: string) => comparison.value.consensus.find((record) => record.itemId === itemId);

  const record = async (item: RubricItem) => {
    const draft = drafts[item.id];
    if (!draft || !draft.answer) return;
    const answer: ItemAnswer = draft.answer.startsWith('level:') ? { kind: 'level', value: Number(draft.answer.slice(6)) } : ({ kind: draft.answer } as ItemAnswer);
    const result = await transport.invoke('sessions.setConsensus', { sessionId: session.id, callId, itemId: item.id, answer, reason: draft.reason });
    if (result.ok) {
      setError(null);
      comparison.reload();
    } else setError(result.error);
  };

  return (
    <section className="comparison" aria-labelledby="comparison-title">
      <h2 id="comparison-title">{t('sessions.comparison.title', { call: call.status === 'ok' ? call.value.call.title : callId })}</h2>
      <svg className="moment-lanes" viewBox={`0 0 1000 ${reviews.length * 18}`} preserveAspectRatio="none" role="img" aria-label={t('moments.title')}>
        {reviews.map((review, index) => (
          <g key={review.reviewerId} transform={`translate(0, ${index * 18})`}>
            <rect x="0" y="2" width="1000" height="14" fill="currentColor" fillOpacity="0.06" />
            {review.moments.map((moment) => (
              <rect key={moment.id} x={(moment.startMs / durationMs) * 1000} y="3" width={Math.max(2, ((moment.endMs - moment.startMs) / durationMs) * 1000)} height="12" fill={momentTypeInfo[moment.type].colour}>
                <title>{review.reviewerName}: {localize(momentTypeInfo[moment.type].label, locale)}</title>
              </rect>
            ))}
          </g>
        ))}
      </svg>
      <label className="check">
        <input type="checkbox" checked={onlyDisagreements} onChange={(event) => setOnlyDisagreements(event.target.checked)} />
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
                  <div className="muted small">{review.submitted ? (review.revision && review.revision > 1 ? t('sessions.comparison.revision', { revision: review.revision }) : '') : t('sessions.comparison.notSubmitted')}</div>
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
                  <th scope="row" title={localize(item.title, locale)}>{item.id}</th>
                  {reviews.map((review, index) => <td key={review.reviewerId} className={deviationClass(item, index)}>{review.submitted ? answerText(answerOf(index, item.id), t) : ''}</td>)}
                  <td>
                    {consensus && <div className="consensus-recorded"><strong>{answerText(consensus.answer, t)}</strong> <span className="muted">“{consensus.reason}”</span></div>}
                    <div className="consensus-form">
                      <select aria-label={`${t('sessions.comparison.consensus')} ${item.id}`} value={draft.answer} onChange={(event) => setDrafts({ ...drafts, [item.id]: { ...draft, answer: event.target.value } })}>
                        <option value="">—</option>
                        {item.scale.kind === 'ordinal'
                          ? item.scale.levels.map((level) => <option key={level.value} value={`level:${level.value}`}>{level.value} · {localize(level.label, locale)}</option>)
                          : (['yes', 'no'] as const).map((kind) => <option key={kind} value={kind}>{t(`review.item.${kind}`)}</option>)}
                        {item.notApplicableAllowed && <option value="not-applicable">{t('review.item.notApplicable')}</option>}
                      </select>
                      <input aria-label={`${t('sessions.comparison.reason')} ${item.id}`} placeholder={t('sessions.comparison.reason')} value={draft.reason} onChange={(event) => setDrafts({ ...drafts, [item.id]: { ...draft, reason: event.target.value } })} />
                      <button type="button" className="button" disabled={!draft.answer || draft.reason.trim().length < 3} onClick={() => void record(item)}>{t('sessions.comparison.save')}</button>
                    </div>
                  </td>
                </tr>
              );
            })}
            {rubric.value.rubric.sections.map((section, sectionIndex) => (
              <tr key={`section-${section.id}`} className="section-row" data-section-id={section.id}>
                <th scope="row">{section.id}. {localize(section.title, locale)}</th>
                {scores.map((score, index) => <td key={reviews[index]!.reviewerId} className="number">{score ? formatScore(score.sections[sectionIndex]?.score == null ? null : score.sections[sectionIndex]!.score! * 100, locale) : ''}</td>)}
                <td />
              </tr>
            ))}
            <tr className="total-row">
              <th scope="row">{t('sessions.comparison.total')}</th>
              {scores.map((score, index) => <td key={reviews[index]!.reviewerId} className="number">{score ? formatScore(score.total, locale) : ''}</td>)}
              <td />
            </tr>
          </tbody>
        </table>
      </div>
      <section className="discussion" aria-labelledby="discussion-title">
        <h3 id="discussion-title">{t('sessions.comparison.notes')}</h3>
        <ol data-testid="discussion-notes">
          {comparison.value.notes.map((entry, index) => (
            <li key={index}><strong>{entry.authorName}</strong>{entry.itemId ? ` (${entry.itemId})` : ''}: {entry.text}</li>
          ))}
        </ol>
        <form className="note-form" onSubmit={async (event) => {
          event.preventDefault();
          const result = await transport.invoke('sessions.addNote', { sessionId: session.id, callId, text: note });
          if (result.ok) {
            setNote('');
            comparison.reload();
          } else setError(result.error);
        }}>
          <label>
            <span className="visually-hidden">{t('sessions.comparison.note')}</span>
            <textarea rows={2} value={note} maxLength={5000} onChange={(event) => setNote(event.target.value)} placeholder={t('sessions.comparison.note')} />
          </label>
          <button type="submit" className="button" disabled={note.trim() === ''}>{t('sessions.comparison.addNote')}</button>
        </form>
      </section>
    </section>
  );
}
