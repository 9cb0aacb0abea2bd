import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import { localize } from '../../../domain/rubric/localized-text';
import type { Rubric, RubricItem, RubricSection } from '../../../domain/rubric/model';
import { useLocale } from '../ui/use-locale';
import { useTransport } from '../transport/transport-context';
import { FieldError, FieldProblemsContext, TextPair } from './field-error';
import { fieldProblemsOf, type FieldProblem } from './field-problems';
import { NumberField, RubricItemEditor, type ItemPatch } from './rubric-item-editor';
import { RubricError } from './rubrics-screen';

function newItem(sectionId: string, index: number): RubricItem {
  return {
    id: `${sectionId}.${index + 1}`,
    title: { nl: 'Nieuw criterium', en: 'New item' },
    scale: { kind: 'yes-no' },
    notApplicableAllowed: false,
    weight: 1,
    critical: false,
    evidenceRequired: true,
    naWhenNoEmotion: false,
  };
}

/** Fields the editor shows a message at; problems anywhere else are listed at the top. */
const placedPath =
  /^(name\.(nl|en)|sections\[\d+\]\.(title\.(nl|en)|weight|items|items\[\d+\]\.(id|weight|naWhenNoEmotion|(title|description)\.(nl|en)|scale\.levels|scale\.levels\[\d+\]\.(label|anchor)\.(nl|en))))$/;

/** Asks before closing a draft with edits that are not saved. */
function DiscardDialog({ onDiscard, onKeepEditing }: { onDiscard: () => void; onKeepEditing: () => void }) {
  const { t } = useTranslation();
  return (
    <div
      className="confirm-dialog"
      role="alertdialog"
      aria-labelledby="discard-title"
      aria-describedby="discard-body"
      onKeyDown={(event) => event.key === 'Escape' && onKeepEditing()}
    >
      <h3 id="discard-title">{t('rubrics.editor.unsavedTitle')}</h3>
      <p id="discard-body">{t('rubrics.editor.unsavedBody')}</p>
      <div className="editor-buttons">
        <button type="button" className="button" autoFocus onClick={onKeepEditing}>
          {t('rubrics.editor.keepEditing')}
        </button>
        <button type="button" className="button danger" onClick={onDiscard}>
          {t('rubrics.editor.discard')}
        </button>
      </div>
    </div>
  );
}

/** The outcome of the last save: translated problems at their fields, a count, and any problem without a field. */
function SaveProblems({ problems, error }: { problems: readonly FieldProblem[] | null; error: AppError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (!problems) return <RubricError error={error} />;
  const unplaced = problems.filter((problem) => !placedPath.test(problem.path));
  return (
    <div className="error-panel" role="alert">
      <strong>{t('rubrics.problems.summary', { count: problems.length })}</strong>
      {unplaced.length > 0 && (
        <ul className="problem-list">
          {unplaced.map((problem, index) => (
            <li key={index}>{t(problem.textKey)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SectionEditor({
  section,
  path,
  setSection,
  onRemove,
}: {
  section: RubricSection;
  path: string;
  setSection: (change: (section: RubricSection) => RubricSection) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const setItem = (itemIndex: number, patch: ItemPatch) =>
    setSection((current) => ({
      ...current,
      items: current.items.map((item, index) => (index === itemIndex ? { ...item, ...patch } : item)),
    }));
  return (
    <fieldset className="editor-section">
      <legend>{t('rubrics.editor.section', { id: section.id })}</legend>
      <div className="editor-row">
        <TextPair
          label={t('rubrics.editor.sectionTitle')}
          path={`${path}.title`}
          value={section.title}
          onChange={(title) => setSection((current) => ({ ...current, title }))}
        />
        <NumberField
          label={t('rubrics.editor.weight')}
          path={`${path}.weight`}
          value={section.weight}
          step={1}
          onChange={(weight) => setSection((current) => ({ ...current, weight }))}
        />
      </div>
      {section.items.map((item, itemIndex) => (
        <RubricItemEditor
          key={itemIndex}
          item={item}
          path={`${path}.items[${itemIndex}]`}
          onChange={(patch) => setItem(itemIndex, patch)}
          onRemove={() =>
            setSection((current) => ({ ...current, items: current.items.filter((_, index) => index !== itemIndex) }))
          }
        />
      ))}
      <FieldError path={`${path}.items`} />
      <div className="editor-buttons">
        <button
          type="button"
          className="button"
          onClick={() =>
            setSection((current) => ({
              ...current,
              items: [...current.items, newItem(current.id, current.items.length)],
            }))
          }
        >
          {t('rubrics.editor.addItem')}
        </button>
        <button type="button" className="button danger" onClick={onRemove}>
          {t('rubrics.editor.removeSection')}
        </button>
      </div>
    </fieldset>
  );
}

/** A rubric with one more section (holding one new item) at the end. */
function withNewSection(current: Rubric): Rubric {
  const id = String(current.sections.length + 1);
  return {
    ...current,
    sections: [
      ...current.sections,
      { id, title: { nl: 'Nieuw onderdeel', en: 'New section' }, weight: 10, items: [newItem(id, 0)] },
    ],
  };
}

/** The draft being edited, what was last saved, saving it, and closing (which asks first when edits are unsaved). */
function useRubricDraft(initial: Rubric, onClose: () => void) {
  const transport = useTransport();
  const [rubric, setRubric] = useState<Rubric>(initial);
  const [savedRubric, setSavedRubric] = useState<Rubric>(initial);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);

  const edit = (next: (current: Rubric) => Rubric) => {
    setSaved(false);
    setRubric(next);
  };
  const setSection = (sectionIndex: number, change: (section: RubricSection) => RubricSection) =>
    edit((current) => ({
      ...current,
      sections: current.sections.map((section, index) => (index === sectionIndex ? change(section) : section)),
    }));
  const removeSection = (sectionIndex: number) =>
    edit((current) => ({
      ...current,
      sections: current.sections.filter((_, index) => index !== sectionIndex),
    }));

  const save = async () => {
    const result = await transport.invoke('rubrics.saveDraft', { rubric: rubric as never });
    setError(result.ok ? null : result.error);
    setSaved(result.ok);
    if (result.ok) setSavedRubric(rubric);
  };
  const close = () => (JSON.stringify(rubric) === JSON.stringify(savedRubric) ? onClose() : setConfirmingClose(true));
  return {
    rubric,
    error,
    saved,
    confirmingClose,
    keepEditing: () => setConfirmingClose(false),
    edit,
    setSection,
    removeSection,
    save: () => void save(),
    close,
  };
}

/**
 * Edits a draft rubric version: names, sections and weights, items with their flags and scales (levels with a label
 * and behavioural anchor each). Saving validates; each problem is shown, translated, at its field and nothing is stored
 * until they are fixed. Closing with edits that are not saved asks first.
 */
export function RubricEditor({ initial, onClose }: { initial: Rubric; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { rubric, error, saved, confirmingClose, edit, setSection, removeSection, save, close, keepEditing } =
    useRubricDraft(initial, onClose);
  const problems = error ? fieldProblemsOf(error) : null;

  return (
    <FieldProblemsContext.Provider value={problems ?? []}>
      <section className="rubric-editor" aria-labelledby="rubric-editor-title">
        <header className="screen-header">
          <h2 id="rubric-editor-title">
            {t('rubrics.editor.title', { name: localize(initial.name, locale), version: initial.version })}
          </h2>
          <button type="button" className="button primary" onClick={save}>
            {t('rubrics.editor.save')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('rubrics.editor.close')}
          </button>
        </header>
        {confirmingClose && <DiscardDialog onDiscard={onClose} onKeepEditing={keepEditing} />}
        {saved && (
          <p role="status" className="notice">
            {t('rubrics.editor.saved')}
          </p>
        )}
        <SaveProblems problems={problems} error={error} />
        <TextPair
          label={t('rubrics.editor.name')}
          path="name"
          value={rubric.name}
          onChange={(name) => edit((current) => ({ ...current, name }))}
        />
        {rubric.sections.map((section, sectionIndex) => (
          <SectionEditor
            key={sectionIndex}
            section={section}
            path={`sections[${sectionIndex}]`}
            setSection={(change) => setSection(sectionIndex, change)}
            onRemove={() => removeSection(sectionIndex)}
          />
        ))}
        <button type="button" className="button" onClick={() => edit(withNewSection)}>
          {t('rubrics.editor.addSection')}
        </button>
      </section>
    </FieldProblemsContext.Provider>
  );
}
