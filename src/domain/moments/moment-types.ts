import { inBothLanguages } from '../../i18n/translate';
import type { LocalizedText } from '../rubric/localized-text';
import type { MomentPolarity, MomentSpeaker } from './model';

/** The moment types of the default set (docs/domain.md, "Moments: the evidence"). */
export const momentTypes = [
  'customer-emotion-cue',
  'empathic-response',
  'missed-empathy-opportunity',
  'follow-up-question',
  'paraphrase-summary',
  'interruption-overtalk',
  'de-escalation',
  'scripted-answer',
  'free-note',
] as const;
export type MomentType = (typeof momentTypes)[number];

export interface MomentTypeInfo {
  readonly type: MomentType;
  readonly label: LocalizedText;
  /** Proposed when a moment of this type is created; the reviewer can change it. */
  readonly defaultPolarity: MomentPolarity;
  readonly defaultSpeaker: MomentSpeaker;
  /**
   * Marker colour, "#rrggbb". Each has a contrast ratio of at least 3:1 (WCAG 1.4.11, graphical objects) against
   * both the light (#ffffff, #f6f7f9) and the dark (#161b22, #0f1318) surfaces of the theme, so one colour serves
   * both themes; a test checks it. The type is also named in text, never told by colour alone.
   */
  readonly colour: string;
  /** Rubric items of the default rubric this type usually backs, proposed when the moment is created. */
  readonly suggestedItemIds: readonly string[];
}

export const momentTypeInfo = {
  'customer-emotion-cue': {
    type: 'customer-emotion-cue',
    label: inBothLanguages('momentTypes.customer-emotion-cue'),
    defaultPolarity: 'neutral',
    defaultSpeaker: 'customer',
    colour: '#d9480f',
    suggestedItemIds: ['1.1'],
  },
  'empathic-response': {
    type: 'empathic-response',
    label: inBothLanguages('momentTypes.empathic-response'),
    defaultPolarity: 'strength',
    defaultSpeaker: 'agent',
    colour: '#2b8a3e',
    suggestedItemIds: ['1.1', '1.2', '2.1'],
  },
  'missed-empathy-opportunity': {
    type: 'missed-empathy-opportunity',
    label: inBothLanguages('momentTypes.missed-empathy-opportunity'),
    defaultPolarity: 'gap',
    defaultSpeaker: 'agent',
    colour: '#e03131',
    suggestedItemIds: ['1.1', '1.2', '2.1'],
  },
  'follow-up-question': {
    type: 'follow-up-question',
    label: inBothLanguages('momentTypes.follow-up-question'),
    defaultPolarity: 'strength',
    defaultSpeaker: 'agent',
    colour: '#1c7ed6',
    suggestedItemIds: ['3.2'],
  },
  'paraphrase-summary': {
    type: 'paraphrase-summary',
    label: inBothLanguages('momentTypes.paraphrase-summary'),
    defaultPolarity: 'strength',
    defaultSpeaker: 'agent',
    colour: '#7048e8',
    suggestedItemIds: ['3.3'],
  },
  'interruption-overtalk': {
    type: 'interruption-overtalk',
    label: inBothLanguages('momentTypes.interruption-overtalk'),
    defaultPolarity: 'gap',
    defaultSpeaker: 'both',
    colour: '#c2255c',
    suggestedItemIds: ['3.1'],
  },
  'de-escalation': {
    type: 'de-escalation',
    label: inBothLanguages('momentTypes.de-escalation'),
    defaultPolarity: 'strength',
    defaultSpeaker: 'agent',
    colour: '#0c8599',
    suggestedItemIds: ['4.3'],
  },
  'scripted-answer': {
    type: 'scripted-answer',
    label: inBothLanguages('momentTypes.scripted-answer'),
    defaultPolarity: 'gap',
    defaultSpeaker: 'agent',
    colour: '#b7791f',
    suggestedItemIds: ['2.1'],
  },
  'free-note': {
    type: 'free-note',
    label: inBothLanguages('momentTypes.free-note'),
    defaultPolarity: 'neutral',
    defaultSpeaker: 'unknown',
    colour: '#868e96',
    suggestedItemIds: [],
  },
} as const satisfies { readonly [Type in MomentType]: MomentTypeInfo & { readonly type: Type } };

/** Whether a string is one of the moment types. */
export function isMomentType(value: string): value is MomentType {
  return (momentTypes as readonly string[]).includes(value);
}
