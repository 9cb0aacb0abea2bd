import { z } from 'zod';
import { hintKinds } from '../domain/signals/model';
import { suggestionKinds } from '../domain/assist/suggestions';
import { idSchema, momentSchema, savedSchema } from './reviews';

const speaker = z.enum(['agent', 'customer']);
const span = { startMs: z.number().int(), endMs: z.number().int() };

/** A call's signals (src/domain/signals/model.ts): suggestions for the reviewer, never a score. */
export const callSignalsSchema = z.object({
  durationMs: z.number().int(),
  speech: z.array(z.object({ speaker, channel: z.number().int().nullable(), ...span }).readonly()).readonly(),
  overtalk: z.array(z.object({ ...span, startedBy: speaker }).readonly()).readonly(),
  silences: z.array(z.object({ ...span, flagged: z.boolean(), turn: speaker.nullable() }).readonly()).readonly(),
  talkRatio: z.object({ agent: z.number(), customer: z.number() }).readonly(),
  wordsPerMinute: z.object({ agent: z.number().nullable(), customer: z.number().nullable() }).readonly(),
  responseLatencies: z
    .array(
      z
        .object({
          kind: z.enum(['turn', 'acknowledgement']),
          fromMs: z.number().int(),
          toMs: z.number().int(),
          latencyMs: z.number().int(),
        })
        .readonly(),
    )
    .readonly(),
  hints: z
    .array(
      z
        .object({
          kind: z.enum(hintKinds),
          speaker,
          ...span,
          text: z.string(),
          itemIds: z.array(z.string()).readonly(),
          emotion: z.string().optional(),
        })
        .readonly(),
    )
    .readonly(),
});

/** Which suggestion a decision is about: its key and what it was, so the history can name it. */
const suggestionRefSchema = {
  reviewId: idSchema,
  key: z.string().min(1).max(200),
  kind: z.enum(suggestionKinds),
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
};

export const signalsMethods = {
  /** The call's signals, computed at import; computed again (and stored) when missing or out of date. */
  'signals.get': { input: z.object({ callId: idSchema }).strict(), output: callSignalsSchema },
  /** The keys of the suggestions a review has accepted or dismissed: they are not offered again. */
  'suggestions.decided': {
    input: z.object({ reviewId: idSchema }).strict(),
    output: z.array(z.string()),
  },
  /** Saves the moment a suggestion became (checked as moments.save) and remembers the suggestion as accepted. */
  'suggestions.accept': {
    input: z.object({ ...suggestionRefSchema, moment: momentSchema }).strict(),
    output: savedSchema,
  },
  /** Remembers a suggestion as dismissed in this review. */
  'suggestions.dismiss': { input: z.object(suggestionRefSchema).strict(), output: savedSchema },
} as const;
