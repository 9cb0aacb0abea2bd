import { z } from 'zod';
import { importSourceSchema } from './imports';
import { appInfoSchema, callDetailSchema, callMetadataSchema, callSummarySchema, preferencesSchema, speakerRoleSchema } from './schemas';

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
  'calls.get': { input: z.object({ callId: z.string().min(1).max(100) }).strict(), output: callDetailSchema },
  'calls.update': {
    input: z.object({ callId: z.string().min(1).max(100), changes: callMetadataSchema.strict() }).strict(),
    output: callDetailSchema,
  },
  'calls.setSpeakerRoles': {
    input: z.object({ callId: z.string().min(1).max(100), roles: z.record(z.string().max(200), speakerRoleSchema) }).strict(),
    output: callDetailSchema,
  },
  /** Starts importing files in the background; progress and the summary arrive as events. */
  'imports.start': {
    input: z.object({ sources: z.array(importSourceSchema).min(1).max(10_000) }).strict(),
    output: z.object({ jobId: z.string() }),
  },
  'imports.cancel': { input: z.object({ jobId: z.string() }).strict(), output: z.object({ cancelled: z.boolean() }) },
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
