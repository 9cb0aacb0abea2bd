import type { LocalizedText } from '../rubric/localized-text';

/** Negative emotions a customer may bring into a call; the call-context gate names one of these. */
export const negativeEmotions = ['frustration', 'anger', 'disappointment', 'worry'] as const;
export type NegativeEmotion = (typeof negativeEmotions)[number];

/** Positive emotions, typically heard after a successful de-escalation. */
export const positiveEmotions = ['relief', 'joy'] as const;
export type PositiveEmotion = (typeof positiveEmotions)[number];

/** Every emotion a customer emotion cue can carry. */
export const customerEmotions = [...negativeEmotions, ...positiveEmotions] as const;
export type CustomerEmotion = (typeof customerEmotions)[number];

export const emotionLabels = {
  frustration: { nl: 'Frustratie', en: 'Frustration' },
  anger: { nl: 'Boosheid', en: 'Anger' },
  disappointment: { nl: 'Teleurstelling', en: 'Disappointment' },
  worry: { nl: 'Bezorgdheid', en: 'Worry' },
  relief: { nl: 'Opluchting', en: 'Relief' },
  joy: { nl: 'Blijdschap', en: 'Joy' },
} as const satisfies Record<CustomerEmotion, LocalizedText>;

/** Whether the emotion is one of the negative ones. */
export function isNegativeEmotion(emotion: CustomerEmotion): emotion is NegativeEmotion {
  return (negativeEmotions as readonly string[]).includes(emotion);
}
