import { useTranslation } from 'react-i18next';
import type { Moment } from '../../../domain/moments/model';
import { momentTypeInfo, type MomentType } from '../../../domain/moments/moment-types';
import { localize } from '../../../domain/rubric/localized-text';
import type { Rubric } from '../../../domain/rubric/model';
import { useLocale } from '../ui/use-locale';
import { MomentEditor } from './moment-editor';
import { MomentList, type SuggestionRow } from './moment-list';
import { MomentTypeOptions } from './moment-type-options';

/** The moments' title and count, the type of a new moment, add at the playhead, undo and redo. */
function MomentsToolbar({
  count,
  newType,
  locked,
  canUndo,
  canRedo,
  typeLabel,
  onNewType,
  onAddAtPlayhead,
  onUndo,
  onRedo,
}: {
  count: number;
  newType: MomentType;
  locked: boolean;
  canUndo: boolean;
  canRedo: boolean;
  typeLabel: (type: MomentType) => string;
  onNewType: (type: MomentType) => void;
  onAddAtPlayhead: () => void;
  onUndo: () => void;
  onRedo: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="moments-toolbar">
      <h2 id="moments-title">
        {t('moments.title')} <span className="muted">({count})</span>
      </h2>
      <label className="inline-field" title={t('moments.newType')}>
        <span className="new-type-label">{t('moments.newType')}</span>
        <select value={newType} onChange={(event) => onNewType(event.target.value as MomentType)} disabled={locked}>
          <MomentTypeOptions typeLabel={typeLabel} />
        </select>
      </label>
      <button type="button" className="button" onClick={onAddAtPlayhead} disabled={locked} title={t('moments.addHint')}>
        + {t('moments.add')} (M)
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={onUndo}
        disabled={!canUndo || locked}
        aria-label={t('moments.undo')}
        title={`${t('moments.undo')} (Ctrl+Z)`}
      >
        ↶
      </button>
      <button
        type="button"
        className="icon-button"
        onClick={onRedo}
        disabled={!canRedo || locked}
        aria-label={t('moments.redo')}
        title={`${t('moments.redo')} (Shift+Ctrl+Z)`}
      >
        ↷
      </button>
    </div>
  );
}

export interface MomentsPanelProps {
  moments: readonly Moment[];
  rubric: Rubric;
  durationMs: number;
  selectedId: string | null;
  newType: MomentType;
  locked: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onNewType: (type: MomentType) => void;
  onAddAtPlayhead: () => void;
  onSelect: (momentId: string | null) => void;
  onChange: (moment: Moment, options?: { immediate?: boolean }) => void;
  onDelete: (momentId: string) => void;
  onPlay: (moment: Moment, loop: boolean) => void;
  onUndo: () => void;
  onRedo: () => void;
  /** Open suggestions as ghost rows, placed among the moments by time. */
  suggestionRows?: readonly SuggestionRow[];
  /** Moments that came from accepted suggestions. */
  fromSuggestion?: ReadonlySet<string>;
}

/**
 * The review's moments: a list in time order (play, loop, select), and the editor of the selected one (type,
 * speaker, polarity, emotion, linked items, note, pairing with the cue it answers, exact edges).
 */
export function MomentsPanel(props: MomentsPanelProps) {
  const { moments, selectedId, locked, onSelect, suggestionRows = [] } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const selected = moments.find((moment) => moment.id === selectedId) ?? null;
  const typeLabel = (type: MomentType) => localize(momentTypeInfo[type].label, locale);
  const closeEditor = () => {
    const row = selected
      ? document.querySelector<HTMLElement>(`.moment-row[data-moment-id="${selected.id}"] .moment-select`)
      : null;
    onSelect(null);
    row?.focus();
  };

  return (
    <section
      className={`moments-panel${selected ? ' editing' : ''}`}
      aria-label={t('workspace.moments')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !selected) return;
        event.preventDefault();
        event.stopPropagation();
        closeEditor();
      }}
    >
      <MomentsToolbar {...props} count={moments.length} typeLabel={typeLabel} />
      <div className="moments-body">
        {moments.length === 0 && suggestionRows.length === 0 ? (
          <p className="muted small">
            {t('moments.none')} {t('moments.addHint')}
          </p>
        ) : (
          <MomentList
            moments={moments}
            selectedId={selectedId}
            suggestionRows={suggestionRows}
            fromSuggestion={props.fromSuggestion}
            typeLabel={typeLabel}
            onSelect={onSelect}
            onPlay={props.onPlay}
          />
        )}
        {selected && (
          <div className="moment-editor-pane">
            <button
              type="button"
              className="icon-button editor-close"
              onClick={closeEditor}
              aria-label={t('workspace.closeEditor')}
              title={t('workspace.closeEditor')}
            >
              ×
            </button>
            <MomentEditor
              key={selected.id}
              moment={selected}
              moments={moments}
              rubric={props.rubric}
              durationMs={props.durationMs}
              locked={locked}
              onChange={props.onChange}
              onDelete={props.onDelete}
              typeLabel={typeLabel}
            />
          </div>
        )}
      </div>
    </section>
  );
}
