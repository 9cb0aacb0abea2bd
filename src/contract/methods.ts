import { z } from 'zod';
import { appInfoSchema, callSummarySchema, preferencesSchema } from './schemas';

const noInput = z.object({}).strict();

/**
 * The one UI-to-backend API: `area.verb` -> input and output schemas.
 * Every transport carries exactly these methods; `dispatch` validates every input against them.
 */
export const methods = {
  'app.info': { input: noInput, output: appInfoSchema },
  'calls.list': {
    input: z.object({ search: z.string().max(200).optional() }).strict(),
    output: z.array(callSummarySchema),
  },
  'preferences.get': { input: noInput, output: preferencesSchema },
  'preferences.set': { input: preferencesSchema.partial().strict(), output: preferencesSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

/** Narrows an untrusted string to a method name. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}
