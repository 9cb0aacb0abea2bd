import type { AppError } from '../../../contract/errors';
import { rubricProblemCodes } from '../../../domain/rubric/validate-rubric';
import type { rubricProblemTexts } from '../../../i18n/rubric-problems';

/** A problem text of the rubric editor (the summary lines aside). */
type ProblemCode = Exclude<keyof (typeof rubricProblemTexts)['en'], 'summary_one' | 'summary_other'>;

/** One problem with a draft, placed at a field: `sections[0].items[2].weight`, and the text key that explains it. */
export interface FieldProblem {
  readonly path: string;
  readonly textKey: `rubrics.problems.${ProblemCode}`;
}

/** `sections[0].items[2].title.nl` from the contract's list of keys (without the leading "rubric"). */
export function pathOfKeys(keys: readonly string[]): string {
  const inRubric = keys[0] === 'rubric' ? keys.slice(1) : keys;
  return inRubric.reduce((text, key) => (/^\d+$/.test(key) ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}

const contractIssueTexts: Record<string, ProblemCode> = { too_small: 'too_small', too_big: 'too_big' };

/** A contract check on a field, in the words of the domain rule it stands for where there is one. */
function contractIssueKey(path: string, code: string | undefined): ProblemCode {
  if (path.endsWith('weight') && (code === 'too_small' || code === 'invalid_type')) return 'weight_not_positive';
  if (path.endsWith('weight') && code === 'too_big') return 'weight_too_large';
  if (/\.(nl|en)$/.test(path) && (code === 'too_small' || code === 'custom' || code === 'invalid_type'))
    return 'missing_translation';
  if (/(^|\.)id$/.test(path)) return 'invalid_id';
  if (/\.(nl|en)$/.test(path) && code === 'too_big') return 'text_too_long';
  return contractIssueTexts[code ?? ''] ?? 'invalid_value';
}

const isProblemCode = (code: unknown): code is ProblemCode =>
  typeof code === 'string' && (rubricProblemCodes as readonly string[]).includes(code);

/**
 * The problems a refused save names, placed at their fields: the domain's rule problems (rubric_invalid) and the
 * contract's checks on the input (invalid_input, zod issue paths). Null when the error is about something else.
 */
export function fieldProblemsOf(error: AppError): FieldProblem[] | null {
  if (error.code === 'rubric_invalid') {
    const problems = (error.details?.problems ?? []) as { code?: unknown; path?: unknown }[];
    return problems.map((problem) => ({
      path: String(problem.path ?? ''),
      textKey: `rubrics.problems.${isProblemCode(problem.code) ? problem.code : 'invalid_value'}`,
    }));
  }
  if (error.code === 'invalid_input') {
    const issues = (error.details?.issues ?? []) as { path?: unknown; code?: unknown }[];
    return issues.map((issue) => {
      const path = pathOfKeys(Array.isArray(issue.path) ? issue.path.map(String) : []);
      return {
        path,
        textKey: `rubrics.problems.${contractIssueKey(path, typeof issue.code === 'string' ? issue.code : undefined)}`,
      };
    });
  }
  return null;
}

/** The problems at one field (exactly this path). */
export function problemsAt(problems: readonly FieldProblem[], path: string): FieldProblem[] {
  return problems.filter((problem) => problem.path === path);
}
