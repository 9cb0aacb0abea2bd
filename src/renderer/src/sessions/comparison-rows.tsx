import { useTranslation } from 'react-i18next';
import type { SessionComparison } from '../../../contract/sessions';
import { localize, type Locale } from '../../../domain/rubric/localized-text';
import type { Rubric, RubricItem } from '../../../domain/rubric/model';
import type { ItemAnswer } from '../../../domain/scoring/answers';
import { formatScore } from '../ui/format';

/*
 * The rows of a session's comparison table: a reviewer's column header, an item's answers with the consensus
 * form, and the section and total scores.
 */

type ComparedReview = SessionComparison['reviews'][number];
export type ConsensusDraft = { readonly answer: string; readonly reason: string };

/** The class of an answer's cell: how it stands against the benchmark or the others, as the backend measured it. */
const deviationClass = { benchmark: 'benchmark', within: 'dev-ok', outside: 'dev-off' } as const;

/** A reviewer's column: their name, and whether the review is submitted (and which revision). */
export function ReviewerHeader({ review }: { review: ComparedReview }) {
  const { t } = useTranslation();
  return (
    <th scope="col">
      {review.reviewerName}
      <div className="muted small">
        {review.submitted
          ? review.revision && review.revision > 1
            ? t('sessions.comparison.revision', { revision: review.revision })
            : ''
          : t('sessions.comparison.notSubmitted')}
      </div>
    </th>
  );
}

/** An item's consensus as the lead is writing it, and how answers are shown. */
interface ConsensusProps {
  readonly item: RubricItem;
  readonly draft: ConsensusDraft;
  readonly onDraft: (draft: ConsensusDraft) => void;
  readonly onRecord: () => void;
  readonly shownAnswer: (answer: ItemAnswer | null) => string;
  readonly locale: Locale;
}

/** The calibrated answer the lead records for an item, with the reason; the recorded one above the form. */
function ConsensusCell({
  item,
  consensus,
  draft,
  onDraft,
  onRecord,
  shownAnswer,
  locale,
}: ConsensusProps & { consensus: SessionComparison['consensus'][number] | undefined }) {
  const { t } = useTranslation();
  return (
    <td>
      {consensus && (
        <div className="consensus-recorded">
          <strong>{shownAnswer(consensus.answer)}</strong> <span className="muted">“{consensus.reason}”</span>
        </div>
      )}
      <div className="consensus-form">
        <select
          aria-label={`${t('sessions.comparison.consensus')} ${item.id}`}
          value={draft.answer}
          onChange={(event) => onDraft({ ...draft, answer: event.target.value })}
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
          {item.notApplicableAllowed && <option value="not-applicable">{t('review.item.notApplicable')}</option>}
        </select>
        <input
          aria-label={`${t('sessions.comparison.reason')} ${item.id}`}
          placeholder={t('sessions.comparison.reason')}
          value={draft.reason}
          onChange={(event) => onDraft({ ...draft, reason: event.target.value })}
        />
        <button
          type="button"
          className="button"
          disabled={!draft.answer || draft.reason.trim().length < 3}
          onClick={onRecord}
        >
          {t('sessions.comparison.save')}
        </button>
      </div>
    </td>
  );
}

/** One item: each reviewer's answer coloured by its deviation, then the consensus. */
export function ComparisonItemRow(props: ConsensusProps & { comparison: SessionComparison }) {
  const { item, comparison, shownAnswer, locale } = props;
  const { t } = useTranslation();
  const deviations = comparison.items.find((entry) => entry.itemId === item.id)?.deviations;
  return (
    <tr data-item-id={item.id}>
      <th scope="row">
        {item.id} {localize(item.title, locale)}
      </th>
      {comparison.reviews.map((review, index) => {
        const deviation = deviations?.[index] ?? null;
        const answer = review.answers.find((entry) => entry.itemId === item.id)?.answer ?? null;
        return (
          <td key={review.reviewerId} className={deviation ? deviationClass[deviation] : ''}>
            {review.submitted ? shownAnswer(answer) : ''}
            {deviation === 'outside' && <span className="visually-hidden"> ({t('sessions.comparison.outside')})</span>}
            {deviation === 'benchmark' && (
              <span className="visually-hidden"> ({t('sessions.comparison.benchmarkMark')})</span>
            )}
          </td>
        );
      })}
      <ConsensusCell {...props} consensus={comparison.consensus.find((record) => record.itemId === item.id)} />
    </tr>
  );
}

/** Each reviewer's section scores and total, under the items. */
export function ComparisonScoreRows({
  rubric,
  reviews,
  locale,
}: {
  rubric: Rubric;
  reviews: readonly ComparedReview[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <>
      {rubric.sections.map((section, sectionIndex) => (
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
    </>
  );
}
