import { useTranslation } from 'react-i18next';
import { localize, type Locale } from '../../../domain/rubric/localized-text';
import { rubricItems, type Rubric } from '../../../domain/rubric/model';

/** Scrolls to a rubric item and gives it focus, so the reviewer can answer it or link its evidence at once. */
function jumpToItem(itemId: string): void {
  const element = document.querySelector<HTMLElement>(`.rubric-item[data-item-id="${CSS.escape(itemId)}"]`);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus({ preventScroll: true });
}

function BlockerList({
  rubric,
  locale,
  itemIds,
  summary,
}: {
  rubric: Rubric;
  locale: Locale;
  itemIds: readonly string[];
  summary: string;
}) {
  if (itemIds.length === 0) return null;
  const items = rubricItems(rubric)
    .map(({ item }) => item)
    .filter((item) => itemIds.includes(item.id));
  return (
    <div className="blocker-group">
      <p>{summary}</p>
      <ul className="blocker-list">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="blocker-chip"
              onClick={() => jumpToItem(item.id)}
              aria-label={`${item.id} ${localize(item.title, locale)}`}
              title={localize(item.title, locale)}
            >
              {item.id}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why submitting is not possible yet: the unanswered items and the scores without evidence, each a link to its item. */
export function SubmitBlockers({
  rubric,
  locale,
  unansweredItemIds,
  evidenceItemIds,
}: {
  rubric: Rubric;
  locale: Locale;
  unansweredItemIds: readonly string[];
  evidenceItemIds: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <div className="submit-blockers" id="submit-blockers" aria-live="polite">
      <BlockerList
        rubric={rubric}
        locale={locale}
        itemIds={unansweredItemIds}
        summary={t('review.blockedUnanswered', { count: unansweredItemIds.length })}
      />
      <BlockerList
        rubric={rubric}
        locale={locale}
        itemIds={evidenceItemIds}
        summary={t('review.blockedEvidence', { count: evidenceItemIds.length })}
      />
    </div>
  );
}
