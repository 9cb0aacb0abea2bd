import { rubricSchema } from '../../src/contract/rubric-file';
import type { SessionSummary } from '../../src/contract/sessions';
import { defaultRubric } from '../../src/domain/rubric/default-rubric';

export const calibrationSession: SessionSummary = {
  id: 'session-1',
  name: 'Kalibratie maart',
  rubricId: defaultRubric.id,
  rubricVersion: 1,
  rubricName: 'Empathie & actief luisteren',
  blind: true,
  benchmarkReviewerId: 'anna',
  toleranceTotal: 5,
  toleranceItem: 1,
  deadline: null,
  leadReviewerId: 'anna',
  createdAtMs: 1_700_000_000_000,
  calls: [
    { id: 'call-1', title: 'Klacht over factuur' },
    { id: 'call-2', title: 'Opzegging' },
  ],
  reviewers: [
    { id: 'anna', name: 'Anna Bakker' },
    { id: 'bram', name: 'Bram Visser' },
  ],
  submitted: 4,
  expected: 4,
};

export const shippedRubric = () => ({
  rubric: rubricSchema.parse(defaultRubric),
  status: 'published' as const,
  reviewCount: 4,
});
