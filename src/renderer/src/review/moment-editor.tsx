import { useTranslation } from 'react-i18next';
import { customerEmotions } from '../../../domain/moments/emotions';
import { empathyResponseTimeMs } from '../../../domain/moments/empathy-response-time';
import { emotionIntensities, momentPolarities, momentSpeakers, type Moment } from '../../../domain/moments/model';
import { momentTypeInfo, type MomentType } from '../../../domain/moments/moment-types';
import { localize } from '../../../domain/rubric/localized-text';
import { rubricItems, type Rubric } from '../../../domain/rubric/model';
import { formatTimeMs } from '../ui/format';
import { useLocale } from '../ui/use-locale';
import { MomentTypeOptions } from './moment-type-options';

/** The editor of one moment: type, speaker, polarity, emotion, linked items, note, pairing, exact edges. */
export function MomentEditor({
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
            <MomentTypeOptions typeLabel={typeLabel} />
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
                    {t(`emotions.${emotion}`)}
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
                  {formatTimeMs(other.startMs)} {other.emotion ? t(`emotions.${other.emotion}`) : typeLabel(other.type)}
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
