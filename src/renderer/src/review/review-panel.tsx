import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../../contract/reviews';
import type { Moment } from '../../../domain/moments/model';
import { localize, type Locale } from '../../../domain/rubric/localized-text';
import type { RubricSection } from '../../../domain/rubric/model';
import { evidenceProblems } from '../../../domain/scoring/evidence-problems';
import { scoreReview } from '../../../domain/scoring/score-review';
import { AuditTrail } from './audit-trail';
import { CallContextFields } from './call-context-fields';
import { CallReviews } from './call-reviews';
import { formatScore } from '../ui/format';
import { ReviewActions } from './review-actions';
import { RubricItemView } from './rubric-item';
import { SaveIndicator } from './save-indicator';
import { ScoreSummary } from './score-summary';
import type { ReviewController } from './use-review';
import { useLocale } from '../ui/use-locale';

/** The live score of the review as it stands, and the items whose evidence (linked moments) is missing. */
function useReviewScore({ rubric, answers, moments, review }: ReviewDetail) {
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
  return { score, missing, itemScores };
}

/** One rubric section: its title, weight and score, then its items. */
function RubricSectionView({
  section,
  sectionScore,
  detail,
  scoring,
  controller,
  locale,
  onMomentClick,
}: {
  section: RubricSection;
  sectionScore: number | null;
  detail: ReviewDetail;
  scoring: ReturnType<typeof useReviewScore>;
  controller: ReviewController;
  locale: Locale;
  onMomentClick: (moment: Moment) => void;
}) {
  const locked = detail.review.status === 'submitted';
  return (
    <section className="rubric-section" aria-labelledby={`section-${section.id}`}>
      <h3 id={`section-${section.id}`}>
        {section.id}. {localize(section.title, locale)} <span className="muted">({section.weight})</span>
        <span className="section-score">{formatScore(sectionScore == null ? null : sectionScore * 100, locale)}</span>
      </h3>
      {section.items.map((item) => {
        const record = detail.answers.find((entry) => entry.itemId === item.id);
        return (
          <RubricItemView
            key={item.id}
            item={item}
            locale={locale}
            score={scoring.itemScores.get(item.id)}
            explicit={record?.answer ?? null}
            comment={record?.comment ?? ''}
            override={record?.evidenceOverride ?? null}
            linkedMoments={detail.moments.filter((moment) => moment.itemIds.includes(item.id))}
            evidenceMissing={scoring.missing.has(item.id)}
            locked={locked}
            onAnswer={controller.setAnswer}
            onComment={controller.setItemComment}
            onOverride={controller.setEvidenceOverride}
            onMomentClick={onMomentClick}
          />
        );
      })}
    </section>
  );
}

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
  const { review, rubric } = detail;
  const locked = review.status === 'submitted';
  const scoring = useReviewScore(detail);
  const score = scoring.score;

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
      <CallContextFields
        context={review.context}
        locked={locked}
        gated={!!rubric.contextGate}
        onChange={controller.setContext}
      />

      <p className="rubric-keys muted small" id="rubric-keys-ordinal">
        {t('review.item.keys')}
      </p>
      <p className="visually-hidden" id="rubric-keys-yes-no">
        {t('review.item.yesNoKeys')}
      </p>
      {rubric.sections.map((section, index) => (
        <RubricSectionView
          key={section.id}
          section={section}
          sectionScore={score.sections[index]?.score ?? null}
          detail={detail}
          scoring={scoring}
          controller={controller}
          locale={locale}
          onMomentClick={onMomentClick}
        />
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

      <ReviewActions
        controller={controller}
        detail={detail}
        locale={locale}
        blockers={{
          unansweredItemIds: [...score.unansweredItemIds, ...score.invalidItemIds],
          evidenceItemIds: [...scoring.missing],
        }}
      />

      <AuditTrail audit={detail.audit} rubric={rubric} />
      <CallReviews callId={review.callId} currentReviewId={review.id} />
    </section>
  );
}
