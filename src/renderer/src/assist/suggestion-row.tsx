import { useTranslation } from 'react-i18next';
import { suggestionMomentRules, type Suggestion } from '../../../domain/assist/suggestions';
import { momentTypeInfo } from '../../../domain/moments/moment-types';
import { formatTimeMs } from '../ui/format';

/** An open suggestion in the moments list: a ghost row (dashed, translucent) with Accept and Dismiss. */
export function SuggestionRow({
  suggestion,
  selected,
  locked,
  onSelect,
  onAccept,
  onDismiss,
}: {
  suggestion: Suggestion;
  selected: boolean;
  locked: boolean;
  onSelect: () => void;
  onAccept: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const kind = t(`assist.kinds.${suggestion.kind}`);
  const time = formatTimeMs(suggestion.startMs);
  const colour = momentTypeInfo[suggestionMomentRules[suggestion.kind].momentType].colour;
  return (
    <li
      className={`moment-row ghost-row${selected ? ' selected' : ''}`}
      data-testid="ghost-moment-row"
      data-suggestion-key={suggestion.key}
      data-kind={suggestion.kind}
      style={{ borderLeftColor: colour }}
    >
      <button type="button" className="moment-select" aria-pressed={selected} onClick={onSelect}>
        <span className="moment-type">{t('assist.suggestions.suggested', { kind })}</span>
        <span className="muted moment-time">
          {formatTimeMs(suggestion.startMs)}–{formatTimeMs(suggestion.endMs)}
        </span>
        {suggestion.text && <span className="muted ghost-text">“{suggestion.text}”</span>}
        {suggestion.itemIds.length > 0 && <span className="moment-items">{suggestion.itemIds.join(', ')}</span>}
      </button>
      <button
        type="button"
        className="icon-button ghost-accept"
        onClick={onAccept}
        disabled={locked}
        aria-label={t('assist.suggestions.acceptLabel', { kind, time })}
        title={`${t('assist.suggestions.accept')} (A)`}
      >
        ✓
      </button>
      <button
        type="button"
        className="icon-button ghost-dismiss"
        onClick={onDismiss}
        disabled={locked}
        aria-label={t('assist.suggestions.dismissLabel', { kind, time })}
        title={`${t('assist.suggestions.dismiss')} (X)`}
      >
        ✕
      </button>
    </li>
  );
}
