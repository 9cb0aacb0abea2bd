import { z } from 'zod';
import { rubricIdPattern, rubricLimits } from '../domain/rubric/limits';
import type { LocalizedText } from '../domain/rubric/localized-text';
import type { Rubric, RubricItem, RubricScale } from '../domain/rubric/model';
import { validateRubric } from '../domain/rubric/validate-rubric';

/*
 * The rubric file: `{"format": "klankbord-rubric", "formatVersion": 1, "rubric": {...}}`, documented in
 * docs/rubric-format.md. Reading is strict (unknown keys are errors, nothing is guessed) and limited in size, since
 * rubric files travel between machines in calibration packages. Texts are plain text: markup is kept as typed and
 * shown as text, never interpreted, so only its length is limited.
 */

export const rubricFileFormat = 'klankbord-rubric';
/** The version this build writes and the newest it reads. */
export const rubricFileFormatVersion = 1;

/** Why a rubric file was refused; the renderer translates each (errors.<code>). */
export const rubricFileErrorCodes = [
  /** Over `rubricLimits.maxFileChars`. */
  'rubric_file_too_large',
  /** Not JSON at all. */
  'rubric_file_not_json',
  /** JSON, but not a Klankbord rubric file (the `format` tag is missing or different). */
  'rubric_file_wrong_format',
  /** A rubric file from a newer Klankbord (`formatVersion` above the one this build reads). */
  'rubric_file_newer_version',
  /** The shape is wrong: missing or misspelt fields, wrong types, texts over the limits. */
  'rubric_file_invalid',
  /** The shape is right but the content is not (duplicate ids, non-contiguous scale values...): validateRubric. */
  'rubric_file_inconsistent',
] as const;
export type RubricFileErrorCode = (typeof rubricFileErrorCodes)[number];

/** One problem found in a rubric file. */
export interface RubricFileIssue {
  /** Where in the file: `rubric.sections[0].items[2].title.en`; '' for the file as a whole. */
  readonly path: string;
  /** English, human-readable. */
  readonly message: string;
  /** For 'rubric_file_inconsistent': the domain problem code (RubricProblemCode). */
  readonly code?: string;
}

export interface RubricFileError {
  readonly code: RubricFileErrorCode;
  /** At most `maxReportedIssues` issues. */
  readonly details: readonly RubricFileIssue[];
}

export type RubricFileParseResult =
  { readonly ok: true; readonly rubric: Rubric } | { readonly ok: false; readonly error: RubricFileError };

/** A file with hundreds of problems is not helped by listing them all. */
export const maxReportedIssues = 50;

const nonBlank = (maxLength: number) =>
  z
    .string()
    .max(maxLength)
    .refine((value) => value.trim() !== '', { message: 'Must not be blank' });

/** A Dutch and English text, both required and non-blank. */
export function localizedTextSchema(maxLength: number) {
  return z.strictObject({ nl: nonBlank(maxLength), en: nonBlank(maxLength) });
}

const idSchema = z
  .string()
  .min(1)
  .max(rubricLimits.maxIdLength)
  .regex(rubricIdPattern, { message: 'Use letters, digits, ".", "_" and "-" only' });
const weightSchema = z.number().positive().max(rubricLimits.maxWeight);

const scaleLevelSchema = z.strictObject({
  value: z.number().int().nonnegative(),
  label: localizedTextSchema(rubricLimits.maxLevelLabelLength),
  anchor: localizedTextSchema(rubricLimits.maxAnchorLength),
});

const scaleSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ordinal'),
    levels: z.array(scaleLevelSchema).min(rubricLimits.minLevels).max(rubricLimits.maxLevels),
  }),
  z.strictObject({ kind: z.literal('yes-no') }),
]);

const itemSchema = z.strictObject({
  id: idSchema,
  title: localizedTextSchema(rubricLimits.maxTitleLength),
  description: localizedTextSchema(rubricLimits.maxDescriptionLength).optional(),
  scale: scaleSchema,
  notApplicableAllowed: z.boolean().default(false),
  weight: weightSchema.default(1),
  critical: z.boolean().default(false),
  evidenceRequired: z.boolean().default(true),
  naWhenNoEmotion: z.boolean().default(false),
});

const sectionSchema = z.strictObject({
  id: idSchema,
  title: localizedTextSchema(rubricLimits.maxTitleLength),
  weight: weightSchema,
  items: z.array(itemSchema).min(1).max(rubricLimits.maxItemsPerSection),
});

/** A rubric as written in files and packages (defaults applied: weight 1, evidenceRequired true, flags false). */
export const rubricSchema = z.strictObject({
  id: idSchema,
  version: z.number().int().min(1).max(rubricLimits.maxVersion),
  name: localizedTextSchema(rubricLimits.maxNameLength),
  description: localizedTextSchema(rubricLimits.maxDescriptionLength).optional(),
  contextGate: z
    .strictObject({
      question: localizedTextSchema(rubricLimits.maxTitleLength),
      help: localizedTextSchema(rubricLimits.maxDescriptionLength).optional(),
    })
    .optional(),
  sections: z.array(sectionSchema).min(1).max(rubricLimits.maxSections),
});

export const rubricFileSchema = z.strictObject({
  format: z.literal(rubricFileFormat),
  formatVersion: z.literal(rubricFileFormatVersion),
  rubric: rubricSchema,
});

/** Formats a zod issue path as `rubric.sections[0].items[2].title.en`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? String(key) : `${text}.${String(key)}`),
    '',
  );
}

const failure = (code: RubricFileErrorCode, details: readonly RubricFileIssue[]): RubricFileParseResult => ({
  ok: false,
  error: { code, details: details.slice(0, maxReportedIssues) },
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a rubric file. Steps, each with its own error code: size, JSON, the format tag, the format version (a newer
 * one is refused with 'rubric_file_newer_version' rather than half-read), the shape (zod, every issue with its path),
 * then the content (validateRubric). A leading byte-order mark is ignored. Never throws.
 */
export function parseRubricFile(text: string): RubricFileParseResult {
  if (text.length > rubricLimits.maxFileChars) {
    return failure('rubric_file_too_large', [
      { path: '', message: `${text.length} characters, at most ${rubricLimits.maxFileChars}` },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return failure('rubric_file_not_json', [
      { path: '', message: error instanceof Error ? error.message : 'Not JSON' },
    ]);
  }
  if (!isRecord(json) || json.format !== rubricFileFormat) {
    return failure('rubric_file_wrong_format', [
      { path: 'format', message: `Expected "format": "${rubricFileFormat}"` },
    ]);
  }
  const formatVersion = json.formatVersion;
  if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > rubricFileFormatVersion) {
    return failure('rubric_file_newer_version', [
      {
        path: 'formatVersion',
        message: `formatVersion ${formatVersion} is newer than ${rubricFileFormatVersion}, the newest this version of Klankbord reads`,
      },
    ]);
  }
  const parsed = rubricFileSchema.safeParse(json);
  if (!parsed.success) {
    return failure(
      'rubric_file_invalid',
      parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message })),
    );
  }
  const rubric: Rubric = parsed.data.rubric;
  const problems = validateRubric(rubric);
  if (problems.length > 0) {
    return failure(
      'rubric_file_inconsistent',
      problems.map((problem) => ({ path: `rubric.${problem.path}`, message: problem.message, code: problem.code })),
    );
  }
  return { ok: true, rubric };
}

const textOf = (text: LocalizedText): LocalizedText => ({ nl: text.nl, en: text.en });

function scaleOf(scale: RubricScale): RubricScale {
  return scale.kind === 'ordinal'
    ? {
        kind: 'ordinal',
        levels: scale.levels.map((level) => ({
          value: level.value,
          label: textOf(level.label),
          anchor: textOf(level.anchor),
        })),
      }
    : { kind: 'yes-no' };
}

function itemOf(item: RubricItem): RubricItem {
  return {
    id: item.id,
    title: textOf(item.title),
    ...(item.description ? { description: textOf(item.description) } : {}),
    scale: scaleOf(item.scale),
    notApplicableAllowed: item.notApplicableAllowed,
    weight: item.weight,
    critical: item.critical,
    evidenceRequired: item.evidenceRequired,
    naWhenNoEmotion: item.naWhenNoEmotion,
  };
}

/**
 * Writes a rubric as a rubric file: pretty JSON (two spaces, trailing newline) with every field explicit (defaults
 * written out) in a fixed key order, so the same rubric always gives the same bytes and diffs stay readable.
 */
export function serialiseRubricFile(rubric: Rubric): string {
  const { contextGate } = rubric;
  const file = {
    format: rubricFileFormat,
    formatVersion: rubricFileFormatVersion,
    rubric: {
      id: rubric.id,
      version: rubric.version,
      name: textOf(rubric.name),
      ...(rubric.description ? { description: textOf(rubric.description) } : {}),
      ...(contextGate
        ? {
            contextGate: {
              question: textOf(contextGate.question),
              ...(contextGate.help ? { help: textOf(contextGate.help) } : {}),
            },
          }
        : {}),
      sections: rubric.sections.map((section) => ({
        id: section.id,
        title: textOf(section.title),
        weight: section.weight,
        items: section.items.map(itemOf),
      })),
    } satisfies Rubric,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
