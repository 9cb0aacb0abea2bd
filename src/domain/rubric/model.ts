import type { LocalizedText } from './localized-text';

/*
 * The rubric (beoordelingsformulier): sections of items, each item scored on a scale.
 *
 * Scale kinds. There are two: 'ordinal' and 'yes-no'. The domain's "0-3 with behavioural anchors" is the ordinal
 * kind with four levels; any k-point scale (k >= 2) is the same kind with k levels, so scoring, statistics and the
 * editor have one code path for every graded scale instead of an 'anchored' special case. Level values are the
 * contiguous integers 0..k-1 in order (checked by validateRubric); each level carries a short label and an
 * item-specific behavioural anchor. Yes/no is a kind of its own rather than a two-level ordinal scale because it is
 * nominal for the statistics (Krippendorff's alpha nominal metric, kappa) and is shown as Ja/Nee buttons.
 */

/** One level of an ordinal scale: its value, a short label ("Mechanisch") and what the behaviour looks like. */
export interface ScaleLevel {
  readonly value: number;
  readonly label: LocalizedText;
  readonly anchor: LocalizedText;
}

export interface OrdinalScale {
  readonly kind: 'ordinal';
  /** Values 0..k-1 in order, k >= 2. */
  readonly levels: readonly ScaleLevel[];
}

export interface YesNoScale {
  readonly kind: 'yes-no';
}

export type RubricScale = OrdinalScale | YesNoScale;
export const scaleKinds = ['ordinal', 'yes-no'] as const satisfies readonly RubricScale['kind'][];
export type ScaleKind = (typeof scaleKinds)[number];

export interface RubricItem {
  /** Unique in the rubric; the number reviewers know it by ("1.1"). */
  readonly id: string;
  readonly title: LocalizedText;
  /** What to listen for, and when each answer fits. */
  readonly description?: LocalizedText;
  readonly scale: RubricScale;
  /** Whether the reviewer may answer N.v.t. (not applicable). */
  readonly notApplicableAllowed: boolean;
  /** Relative weight within its section, > 0 (1 for equal weights). */
  readonly weight: number;
  /** Critical: answered Nee (or the lowest level of an ordinal scale), the total becomes 0. */
  readonly critical: boolean;
  /** Whether a score below the item's maximum must be backed by at least one linked moment. */
  readonly evidenceRequired: boolean;
  /**
   * The call-context gate: when the customer expressed no emotion the item is N.v.t. by default (the reviewer may
   * still answer it). Requires `notApplicableAllowed` and a rubric with a `contextGate`.
   */
  readonly naWhenNoEmotion: boolean;
}

export interface RubricSection {
  readonly id: string;
  readonly title: LocalizedText;
  /** Relative weight of the section in the total, > 0 (the default rubric uses 25/25/25/15/10). */
  readonly weight: number;
  readonly items: readonly RubricItem[];
}

/**
 * The call-context question asked before scoring (customer state at the start, emotion named). A rubric without
 * it never makes items N.v.t. by default.
 */
export interface RubricContextGate {
  readonly question: LocalizedText;
  readonly help?: LocalizedText;
}

export interface Rubric {
  /** Stable across machines (a slug or a UUID); a copy gets a new id. */
  readonly id: string;
  /** 1, 2, ...: a rubric used by a review is never changed; an edit makes a new version. */
  readonly version: number;
  readonly name: LocalizedText;
  readonly description?: LocalizedText;
  readonly contextGate?: RubricContextGate;
  readonly sections: readonly RubricSection[];
}

/** The highest value an item can score: k-1 for an ordinal scale, 1 (Ja) for yes/no. */
export function scaleMaximum(scale: RubricScale): number {
  return scale.kind === 'ordinal' ? Math.max(0, scale.levels.length - 1) : 1;
}

/** Every item of the rubric, in order, with the section it belongs to. */
export function rubricItems(rubric: Rubric): readonly { readonly section: RubricSection; readonly item: RubricItem }[] {
  return rubric.sections.flatMap((section) => section.items.map((item) => ({ section, item })));
}

/** The item with this id, or undefined. */
export function findRubricItem(rubric: Rubric, itemId: string): RubricItem | undefined {
  for (const section of rubric.sections) {
    const item = section.items.find((candidate) => candidate.id === itemId);
    if (item) return item;
  }
  return undefined;
}
