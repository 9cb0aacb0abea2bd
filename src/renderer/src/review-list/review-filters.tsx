import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewListFilter, ReviewSummary } from '../../../contract/reviews';
import { DateField } from '../ui/date-field';
import { FilterSelect } from '../ui/filter-select';
import { useBackendQuery } from '../hooks/use-backend-query';

type Status = ReviewSummary['status'];

/** The review list's filter fields as typed, and the filter they make. */
export function useReviewFilter() {
  const [callId, setCallId] = useState('');
  const [agentName, setAgentName] = useState('');
  const [reviewerId, setReviewerId] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  // '' all reviews, 'routine' those outside any session, otherwise a session id.
  const [session, setSession] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const filter: ReviewListFilter = {
    ...(callId ? { callId } : {}),
    ...(agentName ? { agentName } : {}),
    ...(reviewerId ? { reviewerId } : {}),
    ...(status ? { status } : {}),
    ...(session === 'routine' ? { sessionId: null } : session ? { sessionId: session } : {}),
    ...(from ? { fromMs: new Date(`${from}T00:00:00`).getTime() } : {}),
    ...(to ? { toMs: new Date(`${to}T23:59:59.999`).getTime() } : {}),
  };
  const fields = { callId, agentName, reviewerId, status, session, from, to };
  const setters = { setCallId, setAgentName, setReviewerId, setStatus, setSession, setFrom, setTo };
  return { filter, fields, setters };
}

/** The filters over the review list: call, agent, reviewer, session (or routine only), status and a date range. */
export function ReviewFilters({ fields, setters }: Omit<ReturnType<typeof useReviewFilter>, 'filter'>) {
  const { t } = useTranslation();
  const options = useBackendQuery('reviews.filterOptions', {}, ['calls.changed']);
  const choices = options.status === 'ok' ? options.value : { calls: [], agents: [], reviewers: [], sessions: [] };
  return (
    <fieldset className="review-filters">
      <legend className="visually-hidden">{t('reviewList.filters')}</legend>
      <FilterSelect
        label={t('reviewList.call')}
        value={fields.callId}
        onChange={setters.setCallId}
        choices={choices.calls}
      />
      <FilterSelect
        label={t('reviewList.agent')}
        value={fields.agentName}
        onChange={setters.setAgentName}
        choices={choices.agents.map((agent) => [agent, agent] as const)}
      />
      <FilterSelect
        label={t('reviewList.reviewer')}
        value={fields.reviewerId}
        onChange={setters.setReviewerId}
        choices={choices.reviewers}
      />
      <FilterSelect
        label={t('reviewList.session')}
        value={fields.session}
        onChange={setters.setSession}
        choices={[['routine', t('reviewList.routine')], ...choices.sessions]}
      />
      <FilterSelect<Status>
        label={t('reviewList.status')}
        value={fields.status}
        onChange={setters.setStatus}
        choices={[
          ['draft', t('review.status.draft')],
          ['submitted', t('review.status.submitted')],
        ]}
      />
      <DateField label={t('reviewList.from')} value={fields.from} onChange={setters.setFrom} />
      <DateField label={t('reviewList.to')} value={fields.to} onChange={setters.setTo} />
    </fieldset>
  );
}
