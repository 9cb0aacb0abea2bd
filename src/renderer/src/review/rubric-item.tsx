import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Moment } from '../../../domain/moments/model';
import { momentTypeInfo } from '../../../domain/moments/moment-types';
import { localize, type Locale } from '../../../domain/rubric/localized-text';
import type { RubricItem } from '../../../domain/rubric/model';
import type { ItemAnswer } from '../../../domain/scoring/answers';
import type { ItemScore } from '../../../domain/scoring/score-review';
import { formatTimeMs } from '../ui/format';

function sameAnswer(a: ItemAnswer | null, b: ItemAnswer): boolean {
  return a !== null && a.kind === b.kind && (a.kind !== 'level' || (b.kind === 'level' && a.value === b.value));
}

/** What a key press on a focused item means: a level by digit, Ja/Nee by 1/0, N for N.v.t., Delete clears. */
export function answerForKey(item: RubricItem, key: string): ItemAnswer | null | undefined {
  if (key === 'Delete' || key === 'Backspace') return null;
  if ((key === 'n' || key === 'N') && item.notApplicableAllowed) return { kind: 'not-applicable' };
  if (!/^[0-9]$/.test(key)) return undefined;
  const digit = Number(key);
  if (item.scale.kind === 'yes-no') return digit === 1 ? { kind: 'yes' } : digit === 0 ? { kind: 'no' } : undefined;
  return digit < item.scale.levels.length ? { kind: 'level', value: digit } : undefined;
}

/** Up and down move between items; on an open review, answer keys (see answerForKey) answer the focused item. */
function onItemKey(
  event: React.KeyboardEvent<HTMLDivElement>,
  item: RubricItem,
  locked: boolean,
  onAnswer: (itemId: string, answer: ItemAnswer | null) => void,
): void {
  const target = event.target as HTMLElement;
  if (target.closest('textarea, input, select') || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const items = [...document.querySelectorAll<HTMLElement>('.rubric-item')];
    const next = items[items.indexOf(event.currentTarget) + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      event.preventDefault();
      next.focus();
    }
    return;
  }
  if (locked) return;
  const answer = answerForKey(item, event.key);
  if (answer === undefined) return;
  event.preventDefault();
  onAnswer(item.id, answer);
}

/** The moments linked to an item (each plays from its start) and, while there is no comment, "add a comment". */
function ItemFooter({
  linkedMoments,
  canComment,
  onMomentClick,
  onOpenComment,
}: {
  linkedMoments: readonly Moment[];
  canComment: boolean;
  onMomentClick: (moment: Moment) => void;
  onOpenComment: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="item-footer">
      {linkedMoments.map((moment) => (
        <button
          key={moment.id}
          type="button"
          className="moment-chip"
          style={{ borderColor: momentTypeInfo[moment.type].colour }}
          onClick={() => onMomentClick(moment)}
          data-moment-id={moment.id}
        >
          ▶ {formatTimeMs(moment.startMs)}
        </button>
      ))}
      {canComment && (
        <button type="button" className="link-button" onClick={onOpenComment}>
          {t('review.item.addComment')}
        </button>
      )}
    </div>
  );
}

/** The evidence rule's flag, and the written reason that overrides it. */
function EvidenceFlag({
  itemId,
  evidenceMissing,
  override,
  locked,
  onOverride,
}: {
  itemId: string;
  evidenceMissing: boolean;
  override: string | null;
  locked: boolean;
  onOverride: (itemId: string, reason: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="evidence-flag" role={evidenceMissing ? 'alert' : undefined}>
      {evidenceMissing && <p>⚠ {t('review.item.evidenceMissing')}</p>}
      <label>
        {t('review.item.overrideReason')}
        <textarea
          value={override ?? ''}
          readOnly={locked}
          rows={2}
          maxLength={2000}
          onChange={(event) => onOverride(itemId, event.target.value === '' ? null : event.target.value)}
        />
      </label>
    </div>
  );
}

export interface RubricItemProps {
  item: RubricItem;
  locale: Locale;
  score: ItemScore | undefined;
  explicit: ItemAnswer | null;
  comment: string;
  override: string | null;
  linkedMoments: readonly Moment[];
  evidenceMissing: boolean;
  locked: boolean;
  onAnswer: (itemId: string, answer: ItemAnswer | null) => void;
  onComment: (itemId: string, comment: string) => void;
  onOverride: (itemId: string, reason: string | null) => void;
  onMomentClick: (moment: Moment) => void;
}

/** The item's scale as radio buttons, each level with its anchor; choosing the chosen answer again clears it. */
function AnswerChoices({
  item,
  locale,
  score,
  explicit,
  locked,
  titleId,
  onAnswer,
}: Pick<RubricItemProps, 'item' | 'locale' | 'score' | 'explicit' | 'locked' | 'onAnswer'> & { titleId: string }) {
  const { t } = useTranslation();
  const effective = score?.answer ?? null;
  const choice = (answer: ItemAnswer, label: string, anchor?: string) => {
    const selected = sameAnswer(effective, answer);
    return (
      <button
        type="button"
        role="radio"
        aria-checked={selected}
        className={`answer-choice${selected ? ' selected' : ''}${selected && score?.source === 'context-default' ? ' by-default' : ''}`}
        disabled={locked}
        tabIndex={-1}
        onClick={() => onAnswer(item.id, sameAnswer(explicit, answer) ? null : answer)}
      >
        <span className="answer-label">{label}</span>
        {anchor && <span className="answer-anchor">{anchor}</span>}
      </button>
    );
  };

  return (
    <div
      className={`answer-choices ${item.scale.kind === 'ordinal' ? 'ordinal' : 'yes-no'}`}
      role="radiogroup"
      aria-labelledby={titleId}
    >
      {item.scale.kind === 'ordinal'
        ? item.scale.levels.map((level) => (
            <span key={level.value}>
              {choice(
                { kind: 'level', value: level.value },
                `${level.value} · ${localize(level.label, locale)}`,
                localize(level.anchor, locale),
              )}
            </span>
          ))
        : [choice({ kind: 'yes' }, t('review.item.yes')), choice({ kind: 'no' }, t('review.item.no'))].map(
            (node, index) => <span key={index}>{node}</span>,
          )}
      {item.notApplicableAllowed && <span>{choice({ kind: 'not-applicable' }, t('review.item.notApplicable'))}</span>}
    </div>
  );
}

/** The item's number, title, critical badge and description. */
function ItemHead({ item, locale, titleId }: { item: RubricItem; locale: Locale; titleId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="item-head">
        <span className="item-number">{item.id}</span>
        <span id={titleId} className="item-title">
          {localize(item.title, locale)}
        </span>
        {item.critical && <span className="badge badge-critical">{t('review.item.critical')}</span>}
      </div>
      {item.description && <p className="item-description">{localize(item.description, locale)}</p>}
    </>
  );
}

function ItemComment({
  itemId,
  comment,
  locked,
  onComment,
}: {
  itemId: string;
  comment: string;
  locked: boolean;
  onComment: (itemId: string, comment: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="item-comment">
      <span className="visually-hidden">
        {t('review.item.comment')} {itemId}
      </span>
      <textarea
        value={comment}
        readOnly={locked}
        rows={2}
        maxLength={5000}
        placeholder={t('review.item.comment')}
        onChange={(event) => onComment(itemId, event.target.value)}
      />
    </label>
  );
}

/**
 * One rubric item: its title, the scale with every level's behavioural anchor visible, N.v.t. where allowed, a
 * comment, and the evidence rule's flag with the written-reason override.
 */
export const RubricItemView = memo(function RubricItemView({
  item,
  locale,
  score,
  explicit,
  comment,
  override,
  linkedMoments,
  evidenceMissing,
  locked,
  onAnswer,
  onComment,
  onOverride,
  onMomentClick,
}: RubricItemProps) {
  const { t } = useTranslation();
  const [commentOpen, setCommentOpen] = useState(comment !== '');
  const titleId = `item-${item.id}-title`;

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => onItemKey(event, item, locked, onAnswer);

  return (
    <div
      className={`rubric-item${evidenceMissing ? ' evidence-missing' : ''}${score?.status === 'unanswered' ? ' unanswered' : ''}`}
      tabIndex={0}
      role="group"
      aria-labelledby={titleId}
      aria-describedby={item.scale.kind === 'ordinal' ? 'rubric-keys-ordinal' : 'rubric-keys-yes-no'}
      data-item-id={item.id}
      onKeyDown={onKeyDown}
    >
      <ItemHead item={item} locale={locale} titleId={titleId} />
      <AnswerChoices
        item={item}
        locale={locale}
        score={score}
        explicit={explicit}
        locked={locked}
        titleId={titleId}
        onAnswer={onAnswer}
      />
      {score?.source === 'context-default' && (
        <p className="item-note muted">{t('review.item.defaultNotApplicable')}</p>
      )}
      <ItemFooter
        linkedMoments={linkedMoments}
        canComment={!commentOpen && !locked}
        onMomentClick={onMomentClick}
        onOpenComment={() => setCommentOpen(true)}
      />
      {(commentOpen || comment !== '') && (
        <ItemComment itemId={item.id} comment={comment} locked={locked} onComment={onComment} />
      )}
      {(evidenceMissing || (override !== null && override !== '')) && (
        <EvidenceFlag
          itemId={item.id}
          evidenceMissing={evidenceMissing}
          override={override}
          locked={locked}
          onOverride={onOverride}
        />
      )}
    </div>
  );
});
