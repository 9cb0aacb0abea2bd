import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../../contract/reviews';
import { negativeEmotions } from '../../../domain/moments/emotions';
import type { Moment } from '../../../domain/moments/model';
import { customerStates, type CallContext } from '../../../domain/rubric/call-context';
import { localize } from '../../../domain/rubric/localized-text';
import { evidenceProblems } from '../../../domain/scoring/evidence-problems';
import { scoreReview } from '../../../domain/scoring/score-review';
import { ErrorPanel } from '../shell/error-panel';
import { AuditTrail } from './audit-trail';
import { CallReviews } from './call-reviews';
import { formatDateTime, formatScore } from '../ui/format';
import { RubricItemView } from './rubric-item';
import { SaveIndicator } from './save-indicator';
import { SubmitBlockers } from './submit-blockers';
import { ScoreSummary } from './score-summary';
import type { ReviewController } from './use-review';
import { useLocale } from '../ui/use-locale';

/** The rubric beside the player: call context, items with anchors, live score, submit and reopen. */
export function ReviewPanel({
  controller,
  detail,
  onMomentClick,
}: {
  controller: ReviewController;
  detail: ReviewDetail;
  onMomentClick: (moment: Moment) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { review, rubric, answers, moments } = detail;
  const locked = review.status === 'submitted';
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');

  const explicitAnswers = useMemo(
    () =>
      Object.fromEntries(
        answers.filter((record) => record.answer !== null).map((record) => [record.itemId, record.answer!]),
      ),
    [answers],
  );
  const score = useMemo(
    () => scoreReview(rubric, explicitAnswers, review.context),
    [rubric, explicitAnswers, review.context],
  );
  const overrides = useMemo(
    () =>
      Object.fromEntries(
        answers
          .filter((record) => record.evidenceOverride !== null)
          .map((record) => [record.itemId, record.evidenceOverride!]),
      ),
    [answers],
  );
  const missing = useMemo(
    () => new Set(evidenceProblems(rubric, explicitAnswers, moments, overrides).map((problem) => problem.itemId)),
    [rubric, explicitAnswers, moments, overrides],
  );
  const itemScores = useMemo(() => new Map(score.items.map((item) => [item.itemId, item])), [score]);
  const recordOf = (itemId: string) => answers.find((record) => record.itemId === itemId);
  const unanswered = score.unansweredItemIds.length + score.invalidItemIds.length;
  const context = review.context;

  const changeContext = (change: Partial<CallContext>) => {
    const next: CallContext = {
      customerState: context?.customerState ?? 'neutral',
      emotion: context?.emotion ?? null,
      ...change,
    };
    controller.setContext(next);
  };

  return (
    <section className="review-panel" aria-label={t('workspace.review')}>
      <header className="review-header">
        <div>
          <h2 id="review-panel-title">
            {localize(rubric.name, locale)} <span className="muted">v{rubric.version}</span>
          </h2>
          <p className="muted">
            <span className={`status-pill status-${review.status}`} data-testid="review-status">
              {t(`review.status.${review.status}`)}
            </span>{' '}
            · {review.reviewerName}
          </p>
        </div>
        <SaveIndicator status={controller.saveStatus} onRetry={controller.retrySave} />
      </header>

      <ScoreSummary rubric={rubric} score={score} locale={locale} />

      <fieldset className="call-context" disabled={locked}>
        <legend>{t('review.context.title')}</legend>
        <div className="context-fields">
          <label>
            {t('review.context.state')}
            <select
              value={context?.customerState ?? ''}
              onChange={(event) => changeContext({ customerState: event.target.value as CallContext['customerState'] })}
            >
              {!context && <option value="">—</option>}
              {customerStates.map((state) => (
                <option key={state} value={state}>
                  {t(`review.context.states.${state}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('review.context.emotion')}
            <select
              value={context?.emotion ?? ''}
              onChange={(event) =>
                changeContext({
                  emotion: event.target.value === '' ? null : (event.target.value as CallContext['emotion']),
                })
              }
            >
              <option value="">{t('review.context.noEmotion')}</option>
              {negativeEmotions.map((emotion) => (
                <option key={emotion} value={emotion}>
                  {t(`emotions.${emotion}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {rubric.contextGate && <p className="muted small">{t('review.context.gateHint')}</p>}
      </fieldset>

      <p className="rubric-keys muted small" id="rubric-keys-ordinal">
        {t('review.item.keys')}
      </p>
      <p className="visually-hidden" id="rubric-keys-yes-no">
        {t('review.item.yesNoKeys')}
      </p>
      {rubric.sections.map((section, index) => (
        <section key={section.id} className="rubric-section" aria-labelledby={`section-${section.id}`}>
          <h3 id={`section-${section.id}`}>
            {section.id}. {localize(section.title, locale)} <span className="muted">({section.weight})</span>
            <span className="section-score">
              {formatScore(score.sections[index]?.score == null ? null : score.sections[index]!.score! * 100, locale)}
            </span>
          </h3>
          {section.items.map((item) => {
            const record = recordOf(item.id);
            return (
              <RubricItemView
                key={item.id}
                item={item}
                locale={locale}
                score={itemScores.get(item.id)}
                explicit={record?.answer ?? null}
                comment={record?.comment ?? ''}
                override={record?.evidenceOverride ?? null}
                linkedMoments={moments.filter((moment) => moment.itemIds.includes(item.id))}
                evidenceMissing={missing.has(item.id)}
                locked={locked}
                onAnswer={controller.setAnswer}
                onComment={controller.setItemComment}
                onOverride={controller.setEvidenceOverride}
                onMomentClick={onMomentClick}
              />
            );
          })}
        </section>
      ))}

      <label className="review-comment">
        {t('review.comment')}
        <textarea
          value={review.comment}
          readOnly={locked}
          rows={3}
          maxLength={5000}
          onChange={(event) => controller.setComment(event.target.value)}
        />
      </label>

      <div className="review-actions">
        {!locked ? (
          <>
            <SubmitBlockers
              rubric={rubric}
              locale={locale}
              unansweredItemIds={[...score.unansweredItemIds, ...score.invalidItemIds]}
              evidenceItemIds={[...missing]}
            />
            <button
              type="button"
              className="button primary"
              disabled={unanswered > 0 || missing.size > 0}
              aria-describedby={unanswered > 0 || missing.size > 0 ? 'submit-blockers' : undefined}
              onClick={() => void controller.submit()}
            >
              {t('review.submit')}
            </button>
          </>
        ) : (
          <>
            <p className="muted">
              {t('review.submitted', {
                time: review.submittedAtMs ? formatDateTime(review.submittedAtMs, locale) : '',
                name: review.reviewerName ?? '',
              })}
            </p>
            {!reopening ? (
              <button type="button" className="button" onClick={() => setReopening(true)}>
                {t('review.reopen')}
              </button>
            ) : (
              <form
                className="reopen-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void controller.reopen(reason).then((done) => done && (setReopening(false), setReason('')));
                }}
              >
                <label>
                  {t('review.reopenReason')}
                  <textarea
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                    required
                    minLength={3}
                    maxLength={2000}
                    rows={2}
                    autoFocus
                  />
                </label>
                <button type="submit" className="button primary" disabled={reason.trim().length < 3}>
                  {t('review.reopenConfirm')}
                </button>
                <button type="button" className="button" onClick={() => setReopening(false)}>
                  {t('common.cancel')}
                </button>
              </form>
            )}
          </>
        )}
        {controller.actionError && <ErrorPanel error={controller.actionError} />}
      </div>

      <AuditTrail audit={detail.audit} rubric={rubric} />
      <CallReviews callId={review.callId} currentReviewId={review.id} />
    </section>
  );
}
