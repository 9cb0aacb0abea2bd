import { rubricIdPattern, rubricLimits } from './limits';
import { locales, type LocalizedText } from './localized-text';
import type { Rubric, RubricItem, RubricScale } from './model';

/** What can be wrong with a rubric's content (the file schema checks the shape; this checks the meaning). */
export const rubricProblemCodes = [
  'invalid_id',
  'invalid_version',
  'no_sections',
  'too_many_sections',
  'too_many_items',
  'duplicate_section_id',
  'duplicate_item_id',
  'weight_not_positive',
  'weight_too_large',
  'section_without_items',
  'scale_too_few_levels',
  'scale_too_many_levels',
  'scale_values_not_contiguous',
  'missing_translation',
  'text_too_long',
  'gated_item_without_not_applicable',
  'gated_item_without_context_gate',
] as const;
export type RubricProblemCode = (typeof rubricProblemCodes)[number];

export interface RubricProblem {
  readonly code: RubricProblemCode;
  /** Where, relative to the rubric: `sections[0].items[2].title.en`. */
  readonly path: string;
  /** English developer text; the UI translates `code`. */
  readonly message: string;
}

type Report = (code: RubricProblemCode, path: string, message: string) => void;

function checkText(
  text: LocalizedText | undefined,
  path: string,
  maxLength: number,
  required: boolean,
  report: Report,
): void {
  if (text === undefined) {
    if (required) report('missing_translation', path, `${path}: missing`);
    return;
  }
  for (const locale of locales) {
    const value: unknown = text[locale];
    if (typeof value !== 'string' || value.trim() === '') {
      report('missing_translation', `${path}.${locale}`, `${path}.${locale}: the ${locale} text is missing or blank`);
    } else if (value.length > maxLength) {
      report(
        'text_too_long',
        `${path}.${locale}`,
        `${path}.${locale}: ${value.length} characters, at most ${maxLength}`,
      );
    }
  }
}

function checkId(id: string, path: string, report: Report): void {
  if (typeof id !== 'string' || id.length > rubricLimits.maxIdLength || !rubricIdPattern.test(id)) {
    report(
      'invalid_id',
      path,
      `${path}: "${String(id)}" is not an id (letters, digits, . _ -; at most ${rubricLimits.maxIdLength})`,
    );
  }
}

function checkWeight(weight: number, path: string, report: Report): void {
  if (!Number.isFinite(weight) || weight <= 0) {
    report('weight_not_positive', path, `${path}: ${weight} must be a number above 0`);
  } else if (weight > rubricLimits.maxWeight) {
    report('weight_too_large', path, `${path}: ${weight} is above ${rubricLimits.maxWeight}`);
  }
}

function checkScale(scale: RubricScale, path: string, report: Report): void {
  if (scale.kind !== 'ordinal') return;
  const levels = scale.levels;
  if (levels.length < rubricLimits.minLevels) {
    report(
      'scale_too_few_levels',
      `${path}.levels`,
      `${path}.levels: ${levels.length} levels, at least ${rubricLimits.minLevels}`,
    );
  } else if (levels.length > rubricLimits.maxLevels) {
    report(
      'scale_too_many_levels',
      `${path}.levels`,
      `${path}.levels: ${levels.length} levels, at most ${rubricLimits.maxLevels}`,
    );
  }
  levels.forEach((level, index) => {
    const levelPath = `${path}.levels[${index}]`;
    if (level.value !== index) {
      report(
        'scale_values_not_contiguous',
        `${levelPath}.value`,
        `${levelPath}.value: ${level.value}, expected ${index} (values run 0..k-1 in order)`,
      );
    }
    checkText(level.label, `${levelPath}.label`, rubricLimits.maxLevelLabelLength, true, report);
    checkText(level.anchor, `${levelPath}.anchor`, rubricLimits.maxAnchorLength, true, report);
  });
}

function checkItem(rubric: Rubric, item: RubricItem, path: string, report: Report): void {
  checkId(item.id, `${path}.id`, report);
  checkText(item.title, `${path}.title`, rubricLimits.maxTitleLength, true, report);
  checkText(item.description, `${path}.description`, rubricLimits.maxDescriptionLength, false, report);
  checkWeight(item.weight, `${path}.weight`, report);
  checkScale(item.scale, `${path}.scale`, report);
  if (item.naWhenNoEmotion && !item.notApplicableAllowed) {
    report(
      'gated_item_without_not_applicable',
      `${path}.naWhenNoEmotion`,
      `${path}: N.v.t. by default, but N.v.t. is not allowed`,
    );
  }
  if (item.naWhenNoEmotion && !rubric.contextGate) {
    report(
      'gated_item_without_context_gate',
      `${path}.naWhenNoEmotion`,
      `${path}: N.v.t. by default needs the rubric's contextGate`,
    );
  }
}

/**
 * Lists everything wrong with a rubric's content: ids (shape, duplicates across the whole rubric), weights <= 0,
 * empty sections, ordinal scales with fewer than 2 levels or values other than 0..k-1 in order, blank or missing
 * translations, texts and counts over `rubricLimits`, and items gated on the call context that cannot be N.v.t.
 * An empty list means the rubric can be used and exported.
 */
export function validateRubric(rubric: Rubric): RubricProblem[] {
  const problems: RubricProblem[] = [];
  const report: Report = (code, path, message) => problems.push({ code, path, message });

  checkId(rubric.id, 'id', report);
  if (!Number.isSafeInteger(rubric.version) || rubric.version < 1 || rubric.version > rubricLimits.maxVersion) {
    report(
      'invalid_version',
      'version',
      `version: ${rubric.version} must be a whole number from 1 to ${rubricLimits.maxVersion}`,
    );
  }
  checkText(rubric.name, 'name', rubricLimits.maxNameLength, true, report);
  checkText(rubric.description, 'description', rubricLimits.maxDescriptionLength, false, report);
  if (rubric.contextGate) {
    checkText(rubric.contextGate.question, 'contextGate.question', rubricLimits.maxTitleLength, true, report);
    checkText(rubric.contextGate.help, 'contextGate.help', rubricLimits.maxDescriptionLength, false, report);
  }

  if (rubric.sections.length === 0) report('no_sections', 'sections', 'sections: a rubric needs at least one section');
  if (rubric.sections.length > rubricLimits.maxSections) {
    report('too_many_sections', 'sections', `sections: ${rubric.sections.length}, at most ${rubricLimits.maxSections}`);
  }
  const totalItems = rubric.sections.reduce((count, section) => count + section.items.length, 0);
  if (totalItems > rubricLimits.maxItems)
    report('too_many_items', 'sections', `sections: ${totalItems} items, at most ${rubricLimits.maxItems}`);

  const sectionIds = new Set<string>();
  const itemIds = new Set<string>();
  rubric.sections.forEach((section, sectionIndex) => {
    const path = `sections[${sectionIndex}]`;
    checkId(section.id, `${path}.id`, report);
    if (sectionIds.has(section.id))
      report('duplicate_section_id', `${path}.id`, `${path}.id: "${section.id}" is used twice`);
    sectionIds.add(section.id);
    checkText(section.title, `${path}.title`, rubricLimits.maxTitleLength, true, report);
    checkWeight(section.weight, `${path}.weight`, report);
    if (section.items.length === 0)
      report('section_without_items', `${path}.items`, `${path}.items: a section needs at least one item`);
    if (section.items.length > rubricLimits.maxItemsPerSection) {
      report(
        'too_many_items',
        `${path}.items`,
        `${path}.items: ${section.items.length}, at most ${rubricLimits.maxItemsPerSection}`,
      );
    }
    section.items.forEach((item, itemIndex) => {
      const itemPath = `${path}.items[${itemIndex}]`;
      if (itemIds.has(item.id))
        report('duplicate_item_id', `${itemPath}.id`, `${itemPath}.id: "${item.id}" is used twice`);
      itemIds.add(item.id);
      checkItem(rubric, item, itemPath, report);
    });
  });
  return problems;
}
