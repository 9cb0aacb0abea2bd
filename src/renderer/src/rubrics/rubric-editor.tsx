import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { LocalizedText } from '../../../domain/rubric/localized-text';
import { localize } from '../../../domain/rubric/localized-text';
import type { Rubric, RubricItem, RubricScale, RubricSection } from '../../../domain/rubric/model';
import { useLocale } from '../review/use-locale';
import { useTransport } from '../transport/transport-context';
import { RubricError } from './rubrics-screen';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A Dutch and an English field side by side for one text. */
function TextPair({ label, value, onChange, multiline = false }: { label: string; value: LocalizedText | undefined; onChange: (value: LocalizedText) => void; multiline?: boolean }) {
  const { t } = useTranslation();
  const text = value ?? { nl: '', en: '' };
  return (
    <div className="text-pair" role="group" aria-label={label}>
      {(['nl', 'en'] as const).map((locale) => (
        <label key={locale}>
          <span>{label} ({t(`rubrics.editor.${locale}`)})</span>
          {multiline ? (
            <textarea rows={2} value={text[locale]} onChange={(event) => onChange({ ...text, [locale]: event.target.value })} />
          ) : (
            <input value={text[locale]} onChange={(event) => onChange({ ...text, [locale]: event.target.value })} />
          )}
        </label>
      ))}
    </div>
  );
}

const blankText: LocalizedText = { nl: '', en: '' };

function newItem(sectionId: string, index: number): RubricItem {
  return { id: `${sectionId}.${index + 1}`, title: { nl: 'Nieuw criterium', en: 'New item' }, scale: { kind: 'yes-no' }, notApplicableAllowed: false, weight: 1, critical: false, evidenceRequired: true, naWhenNoEmotion: false };
}

/**
 * Edits a draft rubric version: names, sections and weights, items with their flags and scales (levels with a label
 * and behavioural anchor each). Saving validates; the problems are listed and nothing is stored until they are fixed.
 */
export function RubricEditor({ initial, onClose }: { initial: Rubric; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const [rubric, setRubric] = useState<Rubric>(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);

  const setSection = (sectionIndex: number, change: (section: RubricSection) => RubricSection) => {
    setSaved(false);
    setRubric((current) => ({ ...current, sections: current.sections.map((section, index) => (index === sectionIndex ? change(section) : section)) }));
  };
  const setItem = (sectionIndex: number, itemIndex: number, patch: Partial<Mutable<RubricItem>>) =>
    setSection(sectionIndex, (section) => ({ ...section, items: section.items.map((item, index) => (index === itemIndex ? { ...item, ...patch } : item)) }));

  const save = async () => {
    const result = await transport.invoke('rubrics.saveDraft', { rubric: rubric as never });
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
  };

  const scaleOf = (kind: string, current: RubricScale): RubricScale =>
    kind === 'yes-no'
      ? { kind: 'yes-no' }
      : current.kind === 'ordinal'
        ? current
        : { kind: 'ordinal', levels: [0, 1, 2, 3].map((value) => ({ value, label: { nl: String(value), en: String(value) }, anchor: { ...blankText } })) };

  return (
    <section className="rubric-editor" aria-labelledby="rubric-editor-title">
      <header className="screen-header">
        <h2 id="rubric-editor-title">{t('rubrics.editor.title', { name: localize(initial.name, locale), version: initial.version })}</h2>
        <button type="button" className="button primary" onClick={() => void save()}>{t('rubrics.editor.save')}</button>
        <button type="button" className="button" onClick={onClose}>{t('rubrics.editor.close')}</button>
      </header>
      {saved && <p role="status" className="notice">{t('rubrics.editor.saved')}</p>}
      {error && (
        <>
          <p>{t('rubrics.editor.problems')}</p>
          <RubricError error={error} />
        </>
      )}
      <TextPair label={t('rubrics.editor.name')} value={rubric.name} onChange={(name) => { setSaved(false); setRubric({ ...rubric, name }); }} />
      {rubric.sections.map((section, sectionIndex) => (
        <fieldset key={sectionIndex} className="editor-section">
          <legend>{t('rubrics.editor.section', { id: section.id })}</legend>
          <div className="editor-row">
            <TextPair label={t('rubrics.editor.sectionTitle')} value={section.title} onChange={(title) => setSection(sectionIndex, (current) => ({ ...current, title }))} />
            <label className="narrow">
              {t('rubrics.editor.weight')}
              <input type="number" min={0} step={1} value={section.weight} onChange={(event) => setSection(sectionIndex, (current) => ({ ...current, weight: Number(event.target.value) }))} />
            </label>
          </div>
          {section.items.map((item, itemIndex) => (
            <div key={itemIndex} className="editor-item" role="group" aria-label={`${t('rubrics.editor.item')} ${item.id}`}>
              <div className="editor-row">
                <label className="narrow">
                  {t('rubrics.editor.itemId')}
                  <input value={item.id} onChange={(event) => setItem(sectionIndex, itemIndex, { id: event.target.value })} />
                </label>
                <label className="narrow">
                  {t('rubrics.editor.weight')}
                  <input type="number" min={0} step={0.5} value={item.weight} onChange={(event) => setItem(sectionIndex, itemIndex, { weight: Number(event.target.value) })} />
                </label>
                <label className="narrow">
                  {t('rubrics.editor.scale')}
                  <select value={item.scale.kind} onChange={(event) => setItem(sectionIndex, itemIndex, { scale: scaleOf(event.target.value, item.scale) })}>
                    <option value="ordinal">{t('rubrics.editor.ordinal')}</option>
                    <option value="yes-no">{t('rubrics.editor.yesNo')}</option>
                  </select>
                </label>
                {(['critical', 'evidenceRequired', 'notApplicableAllowed', 'naWhenNoEmotion'] as const).map((flag) => (
                  <label key={flag} className="check">
                    <input type="checkbox" checked={item[flag]} onChange={(event) => setItem(sectionIndex, itemIndex, { [flag]: event.target.checked })} />
                    {t(`rubrics.editor.${flag}`)}
                  </label>
                ))}
              </div>
              <TextPair label={t('rubrics.editor.itemTitle')} value={item.title} onChange={(title) => setItem(sectionIndex, itemIndex, { title })} />
              <TextPair label={t('rubrics.editor.description')} value={item.description} multiline onChange={(description) => setItem(sectionIndex, itemIndex, { description })} />
              {item.scale.kind === 'ordinal' && (
                <div className="editor-levels">
                  {item.scale.levels.map((level, levelIndex) => (
                    <div key={levelIndex} className="editor-level" role="group" aria-label={t('rubrics.editor.level', { value: level.value })}>
                      <strong>{level.value}</strong>
                      <TextPair label={t('rubrics.editor.label')} value={level.label} onChange={(label) => setItem(sectionIndex, itemIndex, { scale: { kind: 'ordinal', levels: (item.scale as Extract<RubricScale, { kind: 'ordinal' }>).levels.map((other, index) => (index === levelIndex ? { ...other, label } : other)) } })} />
                      <TextPair label={t('rubrics.editor.anchor')} value={level.anchor} multiline onChange={(anchor) => setItem(sectionIndex, itemIndex, { scale: { kind: 'ordinal', levels: (item.scale as Extract<RubricScale, { kind: 'ordinal' }>).levels.map((other, index) => (index === levelIndex ? { ...other, anchor } : other)) } })} />
                    </div>
                  ))}
                  <div className="editor-buttons">
                    <button type="button" className="button" onClick={() => item.scale.kind === 'ordinal' && setItem(sectionIndex, itemIndex, { scale: { kind: 'ordinal', levels: [...item.scale.levels, { value: item.scale.levels.length, label: { nl: String(item.scale.levels.length), en: String(item.scale.levels.length) }, anchor: { ...blankText } }] } })}>{t('rubrics.editor.addLevel')}</button>
                    <button type="button" className="button" disabled={item.scale.levels.length <= 2} onClick={() => item.scale.kind === 'ordinal' && setItem(sectionIndex, itemIndex, { scale: { kind: 'ordinal', levels: item.scale.levels.slice(0, -1) } })}>{t('rubrics.editor.removeLevel')}</button>
                  </div>
                </div>
              )}
              <button type="button" className="button danger" onClick={() => setSection(sectionIndex, (current) => ({ ...current, items: current.items.filter((_, index) => index !== itemIndex) }))}>{t('rubrics.editor.removeItem')}</button>
            </div>
          ))}
          <div className="editor-buttons">
            <button type="button" className="button" onClick={() => setSection(sectionIndex, (current) => ({ ...current, items: [...current.items, newItem(current.id, current.items.length)] }))}>{t('rubrics.editor.addItem')}</button>
            <button type="button" className="button danger" onClick={() => { setSaved(false); setRubric({ ...rubric, sections: rubric.sections.filter((_, index) => index !== sectionIndex) }); }}>{t('rubrics.editor.removeSection')}</button>
          </div>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => { setSaved(false); const id = String(rubric.sections.length + 1); setRubric({ ...rubric, sections: [...rubric.sections, { id, title: { nl: 'Nieuw onderdeel', en: 'New section' }, weight: 10, items: [newItem(id, 0)] }] }); }}>{t('rubrics.editor.addSection')}</button>
    </section>
  );
}
