import { useTranslation } from 'react-i18next';
import type { Moment } from '../../../domain/moments/model';
import { momentTypeInfo, type MomentType } from '../../../domain/moments/moment-types';
import { formatTimeMs } from '../ui/format';

/** An open suggestion's row, placed among the moments by its start. */
export interface SuggestionRow {
  readonly key: string;
  readonly startMs: number;
  readonly row: React.ReactNode;
}

/** One moment: select it (type, time, speaker, polarity, linked items), play it once or in a loop. */
function MomentRow({
  moment,
  selected,
  fromSuggestion,
  typeLabel,
  onSelect,
  onPlay,
}: {
  moment: Moment;
  selected: boolean;
  fromSuggestion: boolean;
  typeLabel: (type: MomentType) => string;
  onSelect: (momentId: string | null) => void;
  onPlay: (moment: Moment, loop: boolean) => void;
}) {
  const { t } = useTranslation();
  const label = typeLabel(moment.type);
  return (
    <li
      className={`moment-row${selected ? ' selected' : ''}`}
      data-moment-id={moment.id}
      style={{ borderLeftColor: momentTypeInfo[moment.type].colour }}
    >
      <button
        type="button"
        className="moment-select"
        aria-pressed={selected}
        onClick={() => onSelect(selected ? null : moment.id)}
      >
        <span className="moment-type" title={label}>
          {label}
        </span>
        <span className="muted moment-time">
          {formatTimeMs(moment.startMs)}–{formatTimeMs(moment.endMs)}
        </span>
        <span className="muted moment-speaker">
          {t(`moments.speakers.${moment.speaker}`)}
          {moment.polarity !== 'neutral' ? ` · ${moment.polarity === 'strength' ? '+' : '−'}` : ''}
        </span>
        {moment.itemIds.length > 0 && <span className="moment-items">{moment.itemIds.join(', ')}</span>}
        {fromSuggestion && (
          <span className="moment-origin" data-testid="moment-from-suggestion">
            {t('assist.suggestions.fromSuggestion')}
          </span>
        )}
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => onPlay(moment, false)}
        aria-label={`${t('moments.play')} ${label} ${formatTimeMs(moment.startMs)}`}
      >
        ▶
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={() => onPlay(moment, true)}
        aria-label={`${t('moments.loop')} ${label} ${formatTimeMs(moment.startMs)}`}
      >
        ⟳
      </button>
    </li>
  );
}

/** The moments in time order, each open suggestion's row placed before the first moment that starts after it. */
export function MomentList({
  moments,
  selectedId,
  suggestionRows,
  fromSuggestion,
  typeLabel,
  onSelect,
  onPlay,
}: {
  moments: readonly Moment[];
  selectedId: string | null;
  suggestionRows: readonly SuggestionRow[];
  fromSuggestion?: ReadonlySet<string>;
  typeLabel: (type: MomentType) => string;
  onSelect: (momentId: string | null) => void;
  onPlay: (moment: Moment, loop: boolean) => void;
}) {
  return (
    <ul className="moment-list" data-testid="moment-list">
      {suggestionRows
        .filter((suggestion) => !moments.some((moment) => moment.startMs <= suggestion.startMs))
        .map((suggestion) => suggestion.row)}
      {moments.map((moment, index) => [
        <MomentRow
          key={moment.id}
          moment={moment}
          selected={moment.id === selectedId}
          fromSuggestion={fromSuggestion?.has(moment.id) ?? false}
          typeLabel={typeLabel}
          onSelect={onSelect}
          onPlay={onPlay}
        />,
        ...suggestionRows
          .filter(
            (suggestion) =>
              suggestion.startMs >= moment.startMs &&
              (index + 1 >= moments.length || suggestion.startMs < moments[index + 1]!.startMs),
          )
          .map((suggestion) => suggestion.row),
      ])}
    </ul>
  );
}
