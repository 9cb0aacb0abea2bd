import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../domain/rubric/localized-text';
import { problemsAt, type FieldProblem } from './field-problems';

/** The problems of the last refused save, for every field of the editor to find its own. */
export const FieldProblemsContext = createContext<readonly FieldProblem[]>([]);

/** The id of a field's message, from its path (`sections[0].weight` → `problem-sections-0-weight`). */
export function problemId(path: string): string {
  return `problem-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;
}

/** Props that mark a field invalid and point at its message, when the last save named it. */
export function useFieldProblem(path: string): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const problems = problemsAt(useContext(FieldProblemsContext), path);
  return problems.length > 0 ? { 'aria-invalid': true, 'aria-describedby': problemId(path) } : {};
}

/** The translated message(s) for one field, under it. */
export function FieldError({ path }: { path: string }) {
  const { t } = useTranslation();
  const problems = problemsAt(useContext(FieldProblemsContext), path);
  if (problems.length === 0) return null;
  return (
    <span id={problemId(path)} className="field-error">
      {[...new Set(problems.map((problem) => t(problem.textKey)))].join(' ')}
    </span>
  );
}

/** A Dutch and an English field side by side for one text, each with its own message. */
export function TextPair({
  label,
  path,
  value,
  onChange,
  multiline = false,
}: {
  label: string;
  path: string;
  value: LocalizedText | undefined;
  onChange: (value: LocalizedText) => void;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const text = value ?? { nl: '', en: '' };
  const nl = useFieldProblem(`${path}.nl`);
  const en = useFieldProblem(`${path}.en`);
  const marks = { nl, en };
  return (
    <div className="text-pair" role="group" aria-label={label}>
      {(['nl', 'en'] as const).map((locale) => (
        <span key={locale} className="text-pair-field">
          <label>
            <span>
              {label} ({t(`rubrics.editor.${locale}`)})
            </span>
            {multiline ? (
              <textarea
                rows={2}
                value={text[locale]}
                {...marks[locale]}
                onChange={(event) => onChange({ ...text, [locale]: event.target.value })}
              />
            ) : (
              <input
                value={text[locale]}
                {...marks[locale]}
                onChange={(event) => onChange({ ...text, [locale]: event.target.value })}
              />
            )}
          </label>
          <FieldError path={`${path}.${locale}`} />
        </span>
      ))}
    </div>
  );
}
