import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../domain/rubric/localized-text';
import type { RubricItem, RubricScale } from '../../../domain/rubric/model';
import { FieldError, TextPair, useFieldProblem } from './field-error';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type ItemPatch = Partial<Mutable<RubricItem>>;
type OrdinalLevels = Extract<RubricScale, { kind: 'ordinal' }>['levels'];

const blankText: LocalizedText = { nl: '', en: '' };

function scaleOf(kind: string, current: RubricScale): RubricScale {
  if (kind === 'yes-no') return { kind: 'yes-no' };
  if (current.kind === 'ordinal') return current;
  return {
    kind: 'ordinal',
    levels: [0, 1, 2, 3].map((value) => ({
      value,
      label: { nl: String(value), en: String(value) },
      anchor: { ...blankText },
    })),
  };
}

/** A number field (weight) with its message. */
export function NumberField({
  label,
  path,
  value,
  step,
  onChange,
}: {
  label: string;
  path: string;
  value: number;
  step: number;
  onChange: (value: number) => void;
}) {
  const marks = useFieldProblem(path);
  return (
    <span className="narrow-field">
      <label className="narrow">
        {label}
        <input
          type="number"
          min={0}
          step={step}
          value={Number.isNaN(value) ? '' : value}
          {...marks}
          onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
        />
      </label>
      <FieldError path={path} />
    </span>
  );
}

function LevelsEditor({
  path,
  levels,
  onChange,
}: {
  path: string;
  levels: OrdinalLevels;
  onChange: (levels: OrdinalLevels) => void;
}) {
  const { t } = useTranslation();
  const setLevel = (levelIndex: number, patch: Partial<OrdinalLevels[number]>) =>
    onChange(levels.map((other, index) => (index === levelIndex ? { ...other, ...patch } : other)));
  return (
    <div className="editor-levels">
      {levels.map((level, levelIndex) => (
        <div
          key={levelIndex}
          className="editor-level"
          role="group"
          aria-label={t('rubrics.editor.level', { value: level.value })}
        >
          <strong>{level.value}</strong>
          <TextPair
            label={t('rubrics.editor.label')}
            path={`${path}[${levelIndex}].label`}
            value={level.label}
            onChange={(label) => setLevel(levelIndex, { label })}
          />
          <TextPair
            label={t('rubrics.editor.anchor')}
            path={`${path}[${levelIndex}].anchor`}
            value={level.anchor}
            multiline
            onChange={(anchor) => setLevel(levelIndex, { anchor })}
          />
        </div>
      ))}
      <FieldError path={path} />
      <div className="editor-buttons">
        <button
          type="button"
          className="button"
          onClick={() =>
            onChange([
              ...levels,
              {
                value: levels.length,
                label: { nl: String(levels.length), en: String(levels.length) },
                anchor: { ...blankText },
              },
            ])
          }
        >
          {t('rubrics.editor.addLevel')}
        </button>
        <button
          type="button"
          className="button"
          disabled={levels.length <= 2}
          onClick={() => onChange(levels.slice(0, -1))}
        >
          {t('rubrics.editor.removeLevel')}
        </button>
      </div>
    </div>
  );
}

/** One item of a draft: number, weight, scale, flags, texts and levels, each field with the problems a save named. */
export function RubricItemEditor({
  item,
  path,
  onChange,
  onRemove,
}: {
  item: RubricItem;
  path: string;
  onChange: (patch: ItemPatch) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const idMarks = useFieldProblem(`${path}.id`);
  const gateMarks = useFieldProblem(`${path}.naWhenNoEmotion`);
  return (
    <div className="editor-item" role="group" aria-label={`${t('rubrics.editor.item')} ${item.id}`}>
      <div className="editor-row">
        <span className="narrow-field">
          <label className="narrow">
            {t('rubrics.editor.itemId')}
            <input value={item.id} {...idMarks} onChange={(event) => onChange({ id: event.target.value })} />
          </label>
          <FieldError path={`${path}.id`} />
        </span>
        <NumberField
          label={t('rubrics.editor.weight')}
          path={`${path}.weight`}
          value={item.weight}
          step={0.5}
          onChange={(weight) => onChange({ weight })}
        />
        <label className="narrow">
          {t('rubrics.editor.scale')}
          <select
            value={item.scale.kind}
            onChange={(event) => onChange({ scale: scaleOf(event.target.value, item.scale) })}
          >
            <option value="ordinal">{t('rubrics.editor.ordinal')}</option>
            <option value="yes-no">{t('rubrics.editor.yesNo')}</option>
          </select>
        </label>
        {(['critical', 'evidenceRequired', 'notApplicableAllowed', 'naWhenNoEmotion'] as const).map((flag) => (
          <label key={flag} className="check">
            <input
              type="checkbox"
              checked={item[flag]}
              {...(flag === 'naWhenNoEmotion' ? gateMarks : {})}
              onChange={(event) => onChange({ [flag]: event.target.checked })}
            />
            {t(`rubrics.editor.${flag}`)}
          </label>
        ))}
      </div>
      <FieldError path={`${path}.naWhenNoEmotion`} />
      <TextPair
        label={t('rubrics.editor.itemTitle')}
        path={`${path}.title`}
        value={item.title}
        onChange={(title) => onChange({ title })}
      />
      <TextPair
        label={t('rubrics.editor.description')}
        path={`${path}.description`}
        value={item.description}
        multiline
        onChange={(description) => onChange({ description })}
      />
      {item.scale.kind === 'ordinal' && (
        <LevelsEditor
          path={`${path}.scale.levels`}
          levels={item.scale.levels}
          onChange={(levels) => onChange({ scale: { kind: 'ordinal', levels } })}
        />
      )}
      <button type="button" className="button danger" onClick={onRemove}>
        {t('rubrics.editor.removeItem')}
      </button>
    </div>
  );
}
