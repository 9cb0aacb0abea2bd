/**
 * Size limits of a rubric. Shared by the domain validation (so the editor cannot build a rubric that cannot be
 * exported) and the rubric file schema (so a hostile or absurd file cannot exhaust memory or the layout).
 */
export const rubricLimits = {
  /** Characters of a whole rubric file. */
  maxFileChars: 1_000_000,
  maxIdLength: 100,
  maxVersion: 1_000_000,
  maxSections: 20,
  maxItemsPerSection: 50,
  maxItems: 200,
  minLevels: 2,
  maxLevels: 11,
  maxWeight: 1000,
  maxNameLength: 150,
  maxTitleLength: 300,
  maxDescriptionLength: 2000,
  maxLevelLabelLength: 80,
  maxAnchorLength: 600,
} as const;

/** Ids of rubrics, sections and items: letters, digits, dot, underscore, hyphen ("1.1", "empathy", a UUID). */
export const rubricIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
