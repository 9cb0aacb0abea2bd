import { translate, type Language } from '../../i18n/translate';

/** Negative emotions a customer may bring into a call; the call-context gate names one of these. */
export const negativeEmotions = ['frustration', 'anger', 'disappointment', 'worry'] as const;
export type NegativeEmotion = (typeof negativeEmotions)[number];

/** Positive emotions, typically heard after a successful de-escalation. */
export const positiveEmotions = ['relief', 'joy'] as const;
export type PositiveEmotion = (typeof positiveEmotions)[number];

/** Every emotion a customer emotion cue can carry. */
export const customerEmotions = [...negativeEmotions, ...positiveEmotions] as const;
export type CustomerEmotion = (typeof customerEmotions)[number];

/** Whether a stored code is one of the emotions (an imported file may carry others). */
export function isCustomerEmotion(code: string): code is CustomerEmotion {
  return (customerEmotions as readonly string[]).includes(code);
}

/** The emotion's word (texts section `emotions`), or the code itself when it is not one of ours. */
export function emotionWord(code: string, language: Language): string {
  return isCustomerEmotion(code) ? translate(language, `emotions.${code}`) : code;
}

/** Whether the emotion is one of the negative ones. */
export function isNegativeEmotion(emotion: CustomerEmotion): emotion is NegativeEmotion {
  return (negativeEmotions as readonly string[]).includes(emotion);
}
