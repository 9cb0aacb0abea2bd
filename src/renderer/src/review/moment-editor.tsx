import { useTranslation } from 'react-i18next';
import { customerEmotions } from '../../../domain/moments/emotions';
import { empathyResponseTimeMs } from '../../../domain/moments/empathy-response-time';
import { emotionIntensities, momentPolarities, momentSpeakers, type Moment } from '../../../domain/moments/model';
import { momentTypeInfo, type MomentType } from '../../../domain/moments/moment-types';
import type { Rubric } from '../../../domain/rubric/model';
import { useLocale } from '../ui/use-locale';
import { ChoiceField, CuePairing, EdgeField, LinkedItemsPicker } from './moment-fields';
import { MomentTypeOptions } from './moment-type-options';

/**
 * The moment as another type: the type's default speaker and polarity; a customer emotion cue keeps (or gets) an
 * emotion and intensity and responds to nothing, any other type keeps its pairing and drops emotion and intensity.
 */
function withType(moment: Moment, type: MomentType): Moment {
  const info = momentTypeInfo[type];
  const { emotion: _emotion, intensity: _intensity, respondsTo: _respondsTo, ...rest } = moment;
  return type === 'customer-emotion-cue'
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
      };
}

/** A customer emotion cue's emotion and intensity. */
function CueFields({ moment, change }: { moment: Moment; change: (patch: Partial<Moment>) => void }) {
  const { t } = useTranslation();
  return (
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
      <ChoiceField
        label={t('moments.intensity')}
        value={moment.intensity ?? 2}
        choices={emotionIntensities}
        choiceLabel={String}
        onChange={(intensity) => change({ intensity })}
      />
    </>
  );
}

/** A moment's exact start and end in seconds, kept inside the call and the end after the start. */
function EdgeFields({
  moment,
  durationMs,
  onChange,
}: {
  moment: Moment;
  durationMs: number;
  onChange: (moment: Moment) => void;
}) {
  const { t } = useTranslation();
  const setEdge = (edge: 'startMs' | 'endMs', seconds: number) => {
    if (!Number.isFinite(seconds)) return;
    const value = Math.max(0, Math.min(durationMs, Math.round(seconds * 1000)));
    const next = { ...moment, [edge]: value };
    if (next.endMs > next.startMs) onChange(next);
  };
  return (
    <>
      <EdgeField label={t('moments.start')} ms={moment.startMs} onSeconds={(seconds) => setEdge('startMs', seconds)} />
      <EdgeField label={t('moments.end')} ms={moment.endMs} onSeconds={(seconds) => setEdge('endMs', seconds)} />
    </>
  );
}

/** How long after the customer's cue the response came. */
function ResponseTime({ moment, cue }: { moment: Moment; cue: Moment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <p className="response-time" data-testid="response-time">
      {t('moments.responseTime', {
        time: `${(empathyResponseTimeMs(moment, cue) / 1000).toFixed(1).replace('.', locale === 'nl' ? ',' : '.')} s`,
      })}
    </p>
  );
}

export interface MomentEditorProps {
  moment: Moment;
  moments: readonly Moment[];
  rubric: Rubric;
  durationMs: number;
  locked: boolean;
  onChange: (moment: Moment, options?: { immediate?: boolean }) => void;
  onDelete: (momentId: string) => void;
  typeLabel: (type: MomentType) => string;
}

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
}: MomentEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isCue = moment.type === 'customer-emotion-cue';
  const cue = moment.respondsTo ? moments.find((other) => other.id === moment.respondsTo) : undefined;
  const change = (patch: Partial<Moment>, immediate = true) => onChange({ ...moment, ...patch }, { immediate });

  return (
    <fieldset className="moment-editor" disabled={locked} aria-label={t('moments.edit')}>
      <legend>{t('moments.edit')}</legend>
      <div className="moment-fields">
        <label>
          {t('moments.type')}
          <select
            value={moment.type}
            onChange={(event) => onChange(withType(moment, event.target.value as MomentType))}
          >
            <MomentTypeOptions typeLabel={typeLabel} />
          </select>
        </label>
        <ChoiceField
          label={t('moments.speaker')}
          value={moment.speaker}
          choices={momentSpeakers}
          choiceLabel={(speaker) => t(`moments.speakers.${speaker}`)}
          onChange={(speaker) => change({ speaker })}
        />
        <ChoiceField
          label={t('moments.polarity')}
          value={moment.polarity}
          choices={momentPolarities}
          choiceLabel={(polarity) => t(`moments.polarities.${polarity}`)}
          onChange={(polarity) => change({ polarity })}
        />
        <EdgeFields moment={moment} durationMs={durationMs} onChange={onChange} />
        {isCue ? (
          <CueFields moment={moment} change={change} />
        ) : (
          <CuePairing moment={moment} moments={moments} typeLabel={typeLabel} onChange={onChange} />
        )}
      </div>
      {cue && <ResponseTime moment={moment} cue={cue} />}
      <LinkedItemsPicker
        rubric={rubric}
        itemIds={moment.itemIds}
        locale={locale}
        onChange={(itemIds) => change({ itemIds })}
      />
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
