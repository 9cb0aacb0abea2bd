import { emotionWord } from '../moments/emotions';
import type { Moment } from '../moments/model';
import { momentTypeInfo } from '../moments/moment-types';
import type { Locale, LocalizedText } from '../rubric/localized-text';

/*
 * One line of text per moment for annotation tools (WebVTT cues, ELAN annotations), where a moment has no columns:
 * "Emotie van de klant (Frustratie, 2/3) [1.1]: Klant zucht diep", "Empathische reactie (+) [1.1, 2.1]: …".
 * Polarity is + (strength) or - (gap); neutral shows nothing. The caption may contain any character; the file
 * formats escape it.
 */

const polaritySigns = { strength: '+', gap: '-', neutral: null } as const;

/** The moment as one caption: type label, details (emotion, intensity, polarity), linked items and note. */
export function momentCaption(moment: Moment, language: Locale): string {
  const label =
    (momentTypeInfo as Record<string, { readonly label: LocalizedText } | undefined>)[moment.type]?.label[language] ??
    moment.type;
  const details: string[] = [];
  if (moment.emotion !== undefined) details.push(emotionWord(moment.emotion, language));
  if (moment.intensity !== undefined) details.push(`${moment.intensity}/3`);
  const sign = polaritySigns[moment.polarity] ?? null;
  if (sign !== null) details.push(sign);
  const note = moment.note.trim();
  return [
    label,
    details.length > 0 ? ` (${details.join(', ')})` : '',
    moment.itemIds.length > 0 ? ` [${moment.itemIds.join(', ')}]` : '',
    note === '' ? '' : `: ${note}`,
  ].join('');
}
