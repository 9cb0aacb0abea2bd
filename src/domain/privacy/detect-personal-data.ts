import { findBsns } from './bsn';
import { findCardNumbers } from './card-number';
import { findDatesOfBirth } from './date-of-birth';
import { findEmailAddresses } from './email-address';
import { findIbans } from './iban';
import type { PersonalDataFinding, PersonalDataKind, TextRange } from './model';
import { findPhoneNumbers } from './phone-number';
import { findPostcodesWithHouseNumber } from './postcode';
import { tokenize, type Token } from './tokens';

/** Detectors in priority order: where two overlap, the earlier (the one with the stronger check) wins. */
const detectors: readonly (readonly [PersonalDataKind, (tokens: readonly Token[]) => TextRange[]])[] = [
  ['card_number', findCardNumbers],
  ['iban', findIbans],
  ['bsn', findBsns],
  ['email', findEmailAddresses],
  ['date_of_birth', findDatesOfBirth],
  ['postcode', findPostcodesWithHouseNumber],
  ['phone_number', findPhoneNumbers],
];

const overlaps = (a: TextRange, b: TextRange) => a.start < b.end && b.start < a.end;

/** Every likely piece of personal data in a text, in text order, without overlaps. */
export function detectPersonalData(text: string): PersonalDataFinding[] {
  const tokens = tokenize(text);
  const kept: PersonalDataFinding[] = [];
  for (const [kind, detect] of detectors) {
    for (const range of detect(tokens)) {
      if (!kept.some((finding) => overlaps(finding, range))) kept.push({ kind, ...range });
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}
