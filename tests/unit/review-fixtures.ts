import type { ReviewDetail } from '../../src/contract/reviews';
import { rubricSchema } from '../../src/contract/rubric-file';
import type { CallDetail } from '../../src/contract/schemas';
import type { Moment } from '../../src/domain/moments/model';
import { defaultRubric } from '../../src/domain/rubric/default-rubric';
import { rubricItems } from '../../src/domain/rubric/model';
import type { ItemAnswer } from '../../src/domain/scoring/answers';

export const reviewedCall: CallDetail = {
  call: {
    id: 'call-1',
    title: 'Klacht over factuur',
    agentName: 'Sanne de Vries',
    customerRef: 'K-1001',
    recordedAt: null,
    durationMs: 60_000,
    reviewStatus: 'unreviewed',
    reviewCount: 0,
  },
  agentChannel: 0,
  audio: null,
  transcript: null,
};

/** A draft review of `reviewedCall` on the shipped rubric, with the given answers and moments. */
export function draftReview(answers: Record<string, ItemAnswer> = {}, moments: Moment[] = []): ReviewDetail {
  return {
    review: {
      id: 'review-1',
      callId: 'call-1',
      reviewerId: 'me',
      reviewerName: 'Eva Jansen',
      rubricId: defaultRubric.id,
      rubricVersion: 1,
      status: 'draft',
      context: { customerState: 'negative', emotion: 'frustration' },
      comment: '',
      createdAtMs: 1_700_000_000_000,
      updatedAtMs: 1_700_000_000_000,
      submittedAtMs: null,
      sessionId: null,
      revision: 1,
    },
    rubric: rubricSchema.parse(defaultRubric),
    answers: Object.entries(answers).map(([itemId, answer]) => ({
      itemId,
      answer,
      comment: '',
      evidenceOverride: null,
    })),
    moments,
    audit: [],
  };
}

/** Every item of the shipped rubric at its highest answer (nothing needs evidence), except `leaveOut`. */
export function bestAnswers(...leaveOut: string[]): Record<string, ItemAnswer> {
  const answers: Record<string, ItemAnswer> = {};
  for (const { item } of rubricItems(defaultRubric)) {
    if (leaveOut.includes(item.id)) continue;
    answers[item.id] =
      item.scale.kind === 'yes-no' ? { kind: 'yes' } : { kind: 'level', value: item.scale.levels.length - 1 };
  }
  return answers;
}

export const savedNow = () => ({ savedAtMs: 1_700_000_100_000 });
