import type { LocalizedText } from './localized-text';
import type { OrdinalScale, RubricItem } from './model';

/* The small builders the shipped rubric is written with: bilingual text, the 0-3 scale and an item with defaults. */

export const text = (nl: string, en: string): LocalizedText => ({ nl, en });

const standardLabels = [
  text('Niet getoond', 'Not shown'),
  text('Mechanisch', 'Mechanical'),
  text('Oprecht maar algemeen', 'Sincere but generic'),
  text('Specifiek en natuurlijk', 'Specific and natural'),
] as const;

/** The 0-3 scale with the standard labels and this item's behavioural anchors (level 0, 1, 2, 3). */
export function zeroToThree(
  anchors: readonly [LocalizedText, LocalizedText, LocalizedText, LocalizedText],
): OrdinalScale {
  return {
    kind: 'ordinal',
    levels: anchors.map((anchor, value) => ({ value, label: standardLabels[value]!, anchor })),
  };
}

export interface ItemOptions {
  readonly notApplicableAllowed?: boolean;
  readonly critical?: boolean;
  readonly evidenceRequired?: boolean;
  readonly naWhenNoEmotion?: boolean;
}

export function item(
  id: string,
  title: LocalizedText,
  description: LocalizedText,
  scale: RubricItem['scale'],
  options: ItemOptions = {},
): RubricItem {
  return {
    id,
    title,
    description,
    scale,
    notApplicableAllowed: options.notApplicableAllowed ?? false,
    weight: 1,
    critical: options.critical ?? false,
    evidenceRequired: options.evidenceRequired ?? true,
    naWhenNoEmotion: options.naWhenNoEmotion ?? false,
  };
}

export const yesNo = { kind: 'yes-no' } as const;
export const emotionGate = { notApplicableAllowed: true, naWhenNoEmotion: true } as const;
