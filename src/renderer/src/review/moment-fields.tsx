import { useTranslation } from 'react-i18next';
import type { Moment } from '../../../domain/moments/model';
import type { MomentType } from '../../../domain/moments/moment-types';
import { localize, type Locale } from '../../../domain/rubric/localized-text';
import { rubricItems, type Rubric } from '../../../domain/rubric/model';
import { formatTimeMs } from '../ui/format';

/** A labelled select over a fixed list of values, each shown by `label`. */
export function ChoiceField<Value extends string | number>({
  label,
  value,
  choices,
  choiceLabel,
  onChange,
}: {
  label: string;
  value: Value;
  choices: readonly Value[];
  choiceLabel: (choice: Value) => string;
  onChange: (value: Value) => void;
}) {
  return (
    <label>
      {label}
      <select
        value={value}
        onChange={(event) => onChange(choices.find((choice) => String(choice) === event.target.value) ?? value)}
      >
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choiceLabel(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One edge of a moment in seconds (a tenth of a second precise). */
export function EdgeField({
  label,
  ms,
  onSeconds,
}: {
  label: string;
  ms: number;
  onSeconds: (seconds: number) => void;
}) {
  return (
    <label>
      {label}
      <input
        type="number"
        step={0.1}
        min={0}
        value={(ms / 1000).toFixed(1)}
        onChange={(event) => onSeconds(Number(event.target.value))}
      />
    </label>
  );
}

/** Which earlier customer emotion cue a moment responds to (its response time is measured from that cue). */
export function CuePairing({
  moment,
  moments,
  typeLabel,
  onChange,
}: {
  moment: Moment;
  moments: readonly Moment[];
  typeLabel: (type: MomentType) => string;
  onChange: (moment: Moment) => void;
}) {
  const { t } = useTranslation();
  const cues = moments.filter(
    (other) => other.type === 'customer-emotion-cue' && other.id !== moment.id && other.startMs <= moment.startMs,
  );
  return (
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
  );
}

/** The rubric items a moment is evidence for, one toggle per item. */
export function LinkedItemsPicker({
  rubric,
  itemIds,
  locale,
  onChange,
}: {
  rubric: Rubric;
  itemIds: readonly string[];
  locale: Locale;
  onChange: (itemIds: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="moment-items-picker" role="group" aria-label={t('moments.items')}>
      <span className="field-label">{t('moments.items')}</span>
      {rubricItems(rubric).map(({ item }) => {
        const linked = itemIds.includes(item.id);
        return (
          <label key={item.id} className={`item-toggle${linked ? ' linked' : ''}`} title={localize(item.title, locale)}>
            <input
              type="checkbox"
              checked={linked}
              onChange={() => onChange(linked ? itemIds.filter((id) => id !== item.id) : [...itemIds, item.id])}
            />
            {item.id}
          </label>
        );
      })}
    </div>
  );
}
