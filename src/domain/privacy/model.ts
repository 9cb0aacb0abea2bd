/** Personal data the transcript scanner looks for; each kind has its own detector file in this folder. */
export const personalDataKinds = [
  'card_number',
  'iban',
  'bsn',
  'phone_number',
  'email',
  'date_of_birth',
  'postcode',
] as const;
export type PersonalDataKind = (typeof personalDataKinds)[number];

/** A half-open character range [start, end) in a text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

export interface PersonalDataFinding extends TextRange {
  readonly kind: PersonalDataKind;
}
