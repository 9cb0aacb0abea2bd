import { z } from 'zod';
import { defaultNeedRule } from '../domain/team/training-needs';
import { trendGranularities } from '../domain/team/trend';

const scoreSummarySchema = z.object({
  count: z.number().int(),
  mean: z.number().nullable(),
  standardDeviation: z.number().nullable(),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
});

const trendPointSchema = z.object({ period: z.string(), summary: scoreSummarySchema });

export const teamReportSchema = z.object({
  fromMs: z.number().int(),
  toMs: z.number().int(),
  granularity: z.enum(trendGranularities),
  rule: z.object({ gap: z.number(), minReviews: z.number().int() }),
  /** Whether reviewer effects from calibration sessions were removed, and from how many sessions. */
  severityAdjusted: z.boolean(),
  adjustmentSessionCount: z.number().int(),
  /** Submitted routine reviews in the period with an agent. */
  reviewCount: z.number().int(),
  /** Submitted routine reviews in the period whose call names no agent (left out of every figure). */
  withoutAgentCount: z.number().int(),
  /** The rubric sections met in the period (the skills), with their titles from the newest rubric version. */
  skills: z.array(z.object({ skillId: z.string(), title: z.object({ nl: z.string(), en: z.string() }) })),
  /** The whole team per skill, weakest first. */
  team: z.array(z.object({ skillId: z.string(), summary: scoreSummarySchema })),
  agents: z.array(
    z.object({
      agentName: z.string(),
      reviewCount: z.number().int(),
      skills: z.array(z.object({ skillId: z.string(), summary: scoreSummarySchema, trend: z.array(trendPointSchema) })),
    }),
  ),
  needs: z.array(
    z.object({
      agentName: z.string(),
      skillId: z.string(),
      agent: scoreSummarySchema,
      team: scoreSummarySchema,
      gap: z.number(),
      /** The agent's reviews of this skill, lowest score first (at most 20): the evidence to listen to. */
      evidence: z.array(
        z.object({
          reviewId: z.string(),
          callId: z.string(),
          callTitle: z.string(),
          score: z.number(),
          /** The call's recording (null once removed): a moment plays in place from it. */
          audioId: z.string().nullable(),
          /** The moments marked for the skill's items (every moment of the review when none was), in time order. */
          moments: z.array(
            z.object({
              momentId: z.string(),
              startMs: z.number().int(),
              endMs: z.number().int(),
              type: z.string(),
              /**
               * A call that came without its recording (a team package with evidence clips only): the clip holding the
               * moment, its audio and where it starts in the call.
               */
              clip: z.object({ audioId: z.string(), fromMs: z.number().int() }).optional(),
            }),
          ),
          /** The call's redacted ranges, silent when a moment plays. */
          redactedRanges: z.array(z.object({ startMs: z.number().int(), endMs: z.number().int() })),
        }),
      ),
    }),
  ),
});
export type TeamReport = z.infer<typeof teamReportSchema>;

/** What a team report is asked for: the period, the trend step, the need rule and the kind of scores. */
const teamReportInputShape = {
  fromMs: z.number().int(),
  toMs: z.number().int(),
  granularity: z.enum(trendGranularities).default('month'),
  gap: z.number().min(0).max(1).default(defaultNeedRule.gap),
  minReviews: z.number().int().min(2).max(1000).default(defaultNeedRule.minReviews),
  /** Reviewer effects measured in calibration sessions removed from the routine scores (named so in the report). */
  severityAdjusted: z.boolean().default(false),
};

/** The team-report methods; spread into the method table. */
export const teamMethods = {
  /** Per agent and skill over a period: means with intervals, trends, training needs and the team's weakest skills. */
  'team.report': {
    input: z
      .object(teamReportInputShape)
      .strict()
      .refine((value) => value.toMs >= value.fromMs, { message: 'toMs must not be before fromMs', path: ['toMs'] }),
    output: teamReportSchema,
  },
  /** The team report as a file for download: XLSX (a sheet per table) or PDF. */
  'exports.teamReport': {
    input: z
      .object({
        ...teamReportInputShape,
        format: z.enum(['xlsx', 'pdf']),
        language: z.enum(['nl', 'en']).default('nl'),
      })
      .strict()
      .refine((value) => value.toMs >= value.fromMs, { message: 'toMs must not be before fromMs', path: ['toMs'] }),
    output: z.object({ exportId: z.string(), fileName: z.string() }),
  },
  /** One agent's coaching sheet (PDF): strengths, needs, example moments with transcript excerpts, trend chart. */
  'exports.coachingSheet': {
    input: z
      .object({
        ...teamReportInputShape,
        agentName: z.string().trim().min(1).max(200),
        language: z.enum(['nl', 'en']).default('nl'),
      })
      .strict()
      .refine((value) => value.toMs >= value.fromMs, { message: 'toMs must not be before fromMs', path: ['toMs'] }),
    output: z.object({ exportId: z.string(), fileName: z.string() }),
  },
} as const;

const agentMergeSchema = z.object({ variant: z.string(), agentName: z.string(), mergedAtMs: z.number().int() });
const agentNameSchema = z.string().trim().min(1).max(200);

export const agentListSchema = z.object({
  /** Every agent spelling on the calls with its counts and the agent it belongs to (itself when not merged). */
  spellings: z.array(
    z.object({ name: z.string(), agentName: z.string(), calls: z.number().int(), reviews: z.number().int() }),
  ),
  merges: z.array(agentMergeSchema),
});
export type AgentList = z.infer<typeof agentListSchema>;

/** Agent merges: the lead names an agent once; spread into the method table. */
export const agentMethods = {
  'agents.list': { input: z.object({}).strict(), output: agentListSchema },
  /** Calls spelled `variant` count as the agent `into` from now on (kept; undone by agents.unmerge). */
  'agents.merge': {
    input: z.object({ variant: agentNameSchema, into: agentNameSchema }).strict(),
    output: agentListSchema,
  },
  'agents.unmerge': { input: z.object({ variant: agentNameSchema }).strict(), output: agentListSchema },
} as const;
