import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { fail, ok, type Result } from '../contract/errors';
import type { RubricVersionSummary } from '../contract/reviews';
import type { z } from 'zod';
import type { rubricSchema } from '../contract/rubric-file';
import { parseRubricFile, serialiseRubricFile } from '../contract/rubric-file';
import { defaultRubricId } from '../domain/rubric/default-rubric';
import { rubricItems, type Rubric } from '../domain/rubric/model';
import { validateRubric } from '../domain/rubric/validate-rubric';
import { readPreferences, writePreferences } from '../storage/preferences-repository';
import {
  deleteDraftRubric,
  getRubric,
  highestRubricVersion,
  insertRubric,
  latestPublishedRubric,
  listRubrics,
  publishRubric,
  updateDraftRubric,
  type StoredRubric,
} from '../storage/rubrics-repository';
import type { Handlers } from './handlers';

const reviewRubricKey = 'reviewRubricId';

/** The domain's rubric is deeply readonly; the contract's schema output is not. Same shape. */
const asOutput = (rubric: Rubric) => rubric as z.output<typeof rubricSchema>;

/** The rubric id new reviews use: the one chosen in the rubric screen, else the shipped one. */
export function reviewRubricId(db: Database.Database): string {
  const chosen = readPreferences(db)[reviewRubricKey];
  return chosen && latestPublishedRubric(db, chosen) ? chosen : defaultRubricId;
}

function summarise(db: Database.Database, stored: StoredRubric, inUse: string): RubricVersionSummary {
  const latest = latestPublishedRubric(db, stored.rubric.id);
  return {
    id: stored.rubric.id,
    version: stored.rubric.version,
    name: stored.rubric.name,
    status: stored.status,
    itemCount: rubricItems(stored.rubric).length,
    reviewCount: stored.reviewCount,
    builtIn: stored.rubric.id === defaultRubricId,
    usedForNewReviews: stored.rubric.id === inUse && latest?.rubric.version === stored.rubric.version,
  };
}

function problemsOf(rubric: Rubric): Result<void> {
  const problems = validateRubric(rubric);
  return problems.length === 0
    ? ok(undefined)
    : fail('rubric_invalid', problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '), {
        problems: problems.slice(0, 50),
      });
}

/** An id for a copy: the name as a slug plus a short random part, so copies made on two machines never clash. */
function copyId(name: string): string {
  const slug =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'rubric';
  return `${slug}-${randomUUID().slice(0, 8)}`;
}

export const rubricHandlers = {
  'rubrics.list': (_input, context) => {
    const inUse = reviewRubricId(context.db);
    return ok(listRubrics(context.db).map((stored) => summarise(context.db, stored, inUse)));
  },
  'rubrics.get': (input, context) => {
    const stored = getRubric(context.db, input.id, input.version);
    return stored
      ? ok({ rubric: asOutput(stored.rubric), status: stored.status, reviewCount: stored.reviewCount })
      : fail('not_found', `No rubric ${input.id} v${input.version}`);
  },
  /** A copy under a new id (version 1, draft), to edit freely. */
  'rubrics.copy': (input, context) => {
    const source = getRubric(context.db, input.id, input.version);
    if (!source) return fail('not_found', `No rubric ${input.id} v${input.version}`);
    const rubric: Rubric = {
      ...source.rubric,
      id: copyId(source.rubric.name.en),
      version: 1,
      name: {
        nl: `Kopie van ${source.rubric.name.nl}`.slice(0, 200),
        en: `Copy of ${source.rubric.name.en}`.slice(0, 200),
      },
    };
    insertRubric(context.db, rubric, 'draft', context.now());
    return ok(asOutput(rubric));
  },
  /** The next version of a rubric as a draft, starting from the given version; an existing draft is reused. */
  'rubrics.newVersion': (input, context) => {
    const source = getRubric(context.db, input.id, input.version);
    if (!source) return fail('not_found', `No rubric ${input.id} v${input.version}`);
    const highest = highestRubricVersion(context.db, input.id);
    const existing = getRubric(context.db, input.id, highest);
    if (existing?.status === 'draft') return ok(asOutput(existing.rubric));
    const rubric: Rubric = { ...source.rubric, version: highest + 1 };
    insertRubric(context.db, rubric, 'draft', context.now());
    return ok(asOutput(rubric));
  },
  'rubrics.saveDraft': (input, context) => {
    const rubric = input.rubric as Rubric;
    const stored = getRubric(context.db, rubric.id, rubric.version);
    if (!stored) return fail('not_found', `No rubric ${rubric.id} v${rubric.version}`);
    if (stored.status === 'published') return fail('rubric_published', 'A published rubric version never changes');
    const valid = problemsOf(rubric);
    if (!valid.ok) return valid;
    updateDraftRubric(context.db, rubric);
    return ok({ savedAtMs: context.now() });
  },
  'rubrics.publish': (input, context) => {
    const stored = getRubric(context.db, input.id, input.version);
    if (!stored) return fail('not_found', `No rubric ${input.id} v${input.version}`);
    if (stored.status === 'published') return fail('rubric_published', 'Already published');
    const valid = problemsOf(stored.rubric);
    if (!valid.ok) return valid;
    publishRubric(context.db, input.id, input.version, context.now());
    return ok({ savedAtMs: context.now() });
  },
  'rubrics.deleteDraft': (input, context) =>
    deleteDraftRubric(context.db, input.id, input.version)
      ? ok({ savedAtMs: context.now() })
      : fail('not_found', 'No such draft'),
  /** Chooses the rubric new reviews are made with (its newest published version). */
  'rubrics.useForNewReviews': (input, context) => {
    if (!latestPublishedRubric(context.db, input.id))
      return fail('not_found', `Rubric ${input.id} has no published version`);
    writePreferences(context.db, { [reviewRubricKey]: input.id });
    return ok({ savedAtMs: context.now() });
  },
  /** Reads a rubric file: a version new here is stored as published (it was published where it came from). */
  'rubrics.import': (input, context) => {
    const parsed = parseRubricFile(input.text);
    if (!parsed.ok)
      return fail(
        'rubric_file_refused',
        parsed.error.details.map((issue) => `${issue.path}: ${issue.message}`).join('; ') || parsed.error.code,
        { fileCode: parsed.error.code, issues: parsed.error.details },
      );
    const existing = getRubric(context.db, parsed.rubric.id, parsed.rubric.version);
    if (existing) {
      if (serialiseRubricFile(existing.rubric) === serialiseRubricFile(parsed.rubric))
        return ok({ id: parsed.rubric.id, version: parsed.rubric.version, alreadyPresent: true });
      return fail('rubric_file_refused', 'A different rubric with this id and version exists here', {
        fileCode: 'rubric_version_conflict',
        issues: [],
      });
    }
    insertRubric(context.db, parsed.rubric, 'published', context.now());
    return ok({ id: parsed.rubric.id, version: parsed.rubric.version, alreadyPresent: false });
  },
  'rubrics.export': (input, context) => {
    const stored = getRubric(context.db, input.id, input.version);
    if (!stored) return fail('not_found', `No rubric ${input.id} v${input.version}`);
    return ok({
      fileName: `${stored.rubric.id}-v${stored.rubric.version}.rubric.json`,
      text: serialiseRubricFile(stored.rubric),
    });
  },
} satisfies Partial<Handlers>;
