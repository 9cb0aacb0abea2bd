import { useTranslation } from 'react-i18next';
import { customerEmotions, emotionLabels } from '../../../domain/moments/emotions';
import { empathyResponseTimeMs } from '../../../domain/moments/empathy-response-time';
import { emotionIntensities, momentPolarities, momentSpeakers, type Moment } from '../../../domain/moments/model';
import { momentTypeInfo, momentTypes, type MomentType } from '../../../domain/moments/moment-types';
import { localize } from '../../../domain/rubric/localized-text';
import { rubricItems, type Rubric } from '../../../domain/rubric/model';
import { formatTimeMs } from '../ui/format';
import { useLocale } from '../ui/use-locale';

/**
 * The review's moments: a list in time order (play, loop, select), and the editor of the selected one (type,
 * speaker, polarity, emotion, linked items, note, pairing with the cue it answers, exact edges).
 */
export function MomentsPanel({
  moments,
  rubric,
  durationMs,
  selectedId,
  newType,
  locked,
  canUndo,
  canRedo,
  onNewType,
  onAddAtPlayhead,
  onSelect,
  onChange,
  onDelete,
  onPlay,
  onUndo,
  onRedo,
}: {
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
}) {
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
      <div className="moments-toolbar">
        <h2 id="moments-title">
          {t('moments.title')} <span className="muted">({moments.length})</span>
        </h2>
        <label className="inline-field" title={t('moments.newType')}>
          <span className="new-type-label">{t('moments.newType')}</span>
          <select value={newType} onChange={(event) => onNewType(event.target.value as MomentType)} disabled={locked}>
            {momentTypes.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          onClick={onAddAtPlayhead}
          disabled={locked}
          title={t('moments.addHint')}
        >
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
      <div className="moments-body">
        {moments.length === 0 ? (
          <p className="muted small">
            {t('moments.none')} {t('moments.addHint')}
          </p>
        ) : (
          <ul className="moment-list" data-testid="moment-list">
            {moments.map((moment) => (
              <li
                key={moment.id}
                className={`moment-row${moment.id === selectedId ? ' selected' : ''}`}
                data-moment-id={moment.id}
                style={{ borderLeftColor: momentTypeInfo[moment.type].colour }}
              >
                <button
                  type="button"
                  className="moment-select"
                  aria-pressed={moment.id === selectedId}
                  onClick={() => onSelect(moment.id === selectedId ? null : moment.id)}
                >
                  <span className="moment-type" title={typeLabel(moment.type)}>
                    {typeLabel(moment.type)}
                  </span>
                  <span className="muted moment-time">
                    {formatTimeMs(moment.startMs)}–{formatTimeMs(moment.endMs)}
                  </span>
                  <span className="muted moment-speaker">
                    {t(`moments.speakers.${moment.speaker}`)}
                    {moment.polarity !== 'neutral' ? ` · ${moment.polarity === 'strength' ? '+' : '−'}` : ''}
                  </span>
                  {moment.itemIds.length > 0 && <span className="moment-items">{moment.itemIds.join(', ')}</span>}
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => onPlay(moment, false)}
                  aria-label={`${t('moments.play')} ${typeLabel(moment.type)} ${formatTimeMs(moment.startMs)}`}
                >
                  ▶
                </button>
                <button
                  type="button"
                  className="icon-button"
                  onClick={() => onPlay(moment, true)}
                  aria-label={`${t('moments.loop')} ${typeLabel(moment.type)} ${formatTimeMs(moment.startMs)}`}
                >
                  ⟳
                </button>
              </li>
            ))}
          </ul>
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
              rubric={rubric}
              durationMs={durationMs}
              locked={locked}
              onChange={onChange}
              onDelete={onDelete}
              typeLabel={typeLabel}
            />
          </div>
        )}
      </div>
    </section>
  );
}

function MomentEditor({
  moment,
  moments,
  rubric,
  durationMs,
  locked,
  onChange,
  onDelete,
  typeLabel,
}: {
  moment: Moment;
  moments: readonly Moment[];
  rubric: Rubric;
  durationMs: number;
  locked: boolean;
  onChange: (moment: Moment, options?: { immediate?: boolean }) => void;
  onDelete: (momentId: string) => void;
  typeLabel: (type: MomentType) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isCue = moment.type === 'customer-emotion-cue';
  const cues = moments.filter(
    (other) => other.type === 'customer-emotion-cue' && other.id !== moment.id && other.startMs <= moment.startMs,
  );
  const cue = moment.respondsTo ? moments.find((other) => other.id === moment.respondsTo) : undefined;
  const change = (patch: Partial<Moment>, immediate = true) => onChange({ ...moment, ...patch }, { immediate });

  const changeType = (type: MomentType) => {
    const info = momentTypeInfo[type];
    const { emotion: _emotion, intensity: _intensity, respondsTo: _respondsTo, ...rest } = moment;
    onChange(
      type === 'customer-emotion-cue'
        ? {
            ...rest,
            type,
            speaker: info.defaultSpeaker,
            polarity: info.defaultPolarity,
            emotion: moment.emotion ?? 'frustration',
            intensity: moment.intensity ?? 2,
          }
        : {
            ...rest,
            type,
            speaker: info.defaultSpeaker,
            polarity: info.defaultPolarity,
            ...(moment.respondsTo ? { respondsTo: moment.respondsTo } : {}),
          },
    );
  };

  const setEdge = (edge: 'startMs' | 'endMs', seconds: number) => {
    if (!Number.isFinite(seconds)) return;
    const value = Math.max(0, Math.min(durationMs, Math.round(seconds * 1000)));
    const next = { ...moment, [edge]: value };
    if (next.endMs > next.startMs) onChange(next);
  };

  return (
    <fieldset className="moment-editor" disabled={locked} aria-label={t('moments.edit')}>
      <legend>{t('moments.edit')}</legend>
      <div className="moment-fields">
        <label>
          {t('moments.type')}
          <select value={moment.type} onChange={(event) => changeType(event.target.value as MomentType)}>
            {momentTypes.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('moments.speaker')}
          <select
            value={moment.speaker}
            onChange={(event) => change({ speaker: event.target.value as Moment['speaker'] })}
          >
            {momentSpeakers.map((speaker) => (
              <option key={speaker} value={speaker}>
                {t(`moments.speakers.${speaker}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('moments.polarity')}
          <select
            value={moment.polarity}
            onChange={(event) => change({ polarity: event.target.value as Moment['polarity'] })}
          >
            {momentPolarities.map((polarity) => (
              <option key={polarity} value={polarity}>
                {t(`moments.polarities.${polarity}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('moments.start')}
          <input
            type="number"
            step={0.1}
            min={0}
            value={(moment.startMs / 1000).toFixed(1)}
            onChange={(event) => setEdge('startMs', Number(event.target.value))}
          />
        </label>
        <label>
          {t('moments.end')}
          <input
            type="number"
            step={0.1}
            min={0}
            value={(moment.endMs / 1000).toFixed(1)}
            onChange={(event) => setEdge('endMs', Number(event.target.value))}
          />
        </label>
        {isCue && (
          <>
            <label>
              {t('moments.emotion')}
              <select
                value={moment.emotion ?? ''}
                onChange={(event) => change({ emotion: event.target.value as NonNullable<Moment['emotion']> })}
              >
                {customerEmotions.map((emotion) => (
                  <option key={emotion} value={emotion}>
                    {localize(emotionLabels[emotion], locale)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('moments.intensity')}
              <select
                value={moment.intensity ?? 2}
                onChange={(event) =>
                  change({ intensity: Number(event.target.value) as NonNullable<Moment['intensity']> })
                }
              >
                {emotionIntensities.map((intensity) => (
                  <option key={intensity} value={intensity}>
                    {intensity}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {!isCue && (
          <label>
            {t('moments.respondsTo')}
            <select
              value={moment.respondsTo ?? ''}
              onChange={(event) => {
                const { respondsTo: _old, ...rest } = moment;
                onChange(event.target.value === '' ? rest : { ...rest, respondsTo: event.target.value });
              }}
            >
              <option value="">{t('moments.noCue')}</option>
              {cues.map((other) => (
                <option key={other.id} value={other.id}>
                  {formatTimeMs(other.startMs)}{' '}
                  {other.emotion ? localize(emotionLabels[other.emotion], locale) : typeLabel(other.type)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {cue && (
        <p className="response-time" data-testid="response-time">
          {t('moments.responseTime', {
            time: `${(empathyResponseTimeMs(moment, cue) / 1000).toFixed(1).replace('.', locale === 'nl' ? ',' : '.')} s`,
          })}
        </p>
      )}
      <div className="moment-items-picker" role="group" aria-label={t('moments.items')}>
        <span className="field-label">{t('moments.items')}</span>
        {rubricItems(rubric).map(({ item }) => {
          const linked = moment.itemIds.includes(item.id);
          return (
            <label
              key={item.id}
              className={`item-toggle${linked ? ' linked' : ''}`}
              title={localize(item.title, locale)}
            >
              <input
                type="checkbox"
                checked={linked}
                onChange={() =>
                  change({
                    itemIds: linked ? moment.itemIds.filter((id) => id !== item.id) : [...moment.itemIds, item.id],
                  })
                }
              />
              {item.id}
            </label>
          );
        })}
      </div>
      <label className="moment-note">
        {t('moments.note')}
        <textarea
          value={moment.note}
          rows={2}
          maxLength={2000}
          onChange={(event) => change({ note: event.target.value }, false)}
        />
      </label>
      <button type="button" className="button danger" onClick={() => onDelete(moment.id)}>
        {t('moments.delete')}
      </button>
    </fieldset>
  );
}
