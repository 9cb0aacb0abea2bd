import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import { DateField } from '../ui/date-field';
import { useBackendQuery } from '../hooks/use-backend-query';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';

/** A checkbox per call in the library; the checked ones are the session's calls. */
function CallChecklist({
  callIds,
  onChange,
}: {
  callIds: readonly string[];
  onChange: (change: (current: string[]) => string[]) => void;
}) {
  const { t } = useTranslation();
  const calls = useBackendQuery('calls.list', {});
  return (
    <fieldset>
      <legend>{t('sessions.form.calls')}</legend>
      {calls.status === 'ok' &&
        calls.value.map((call) => (
          <label key={call.id} className="check">
            <input
              type="checkbox"
              checked={callIds.includes(call.id)}
              onChange={(event) =>
                onChange((current) =>
                  event.target.checked ? [...current, call.id] : current.filter((id) => id !== call.id),
                )
              }
            />
            {call.title}
          </label>
        ))}
    </fieldset>
  );
}

function BenchmarkSelect({
  value,
  onChange,
  reviewers,
}: {
  value: string;
  onChange: (value: string) => void;
  reviewers: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('sessions.form.benchmark')}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('sessions.form.noBenchmark')}</option>
        {reviewers.map((reviewer, index) => (
          <option key={`${reviewer}-${index}`} value={index}>
            {reviewer}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How far apart scores may be before they count as a disagreement (the total and per item). */
function ToleranceFields({
  toleranceTotal,
  onToleranceTotal,
  toleranceItem,
  onToleranceItem,
}: {
  toleranceTotal: number;
  onToleranceTotal: (value: number) => void;
  toleranceItem: number;
  onToleranceItem: (value: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('sessions.form.toleranceTotal')}
        <input
          type="number"
          min={0}
          max={100}
          step={0.5}
          value={toleranceTotal}
          onChange={(event) => onToleranceTotal(Number(event.target.value))}
        />
      </label>
      <label>
        {t('sessions.form.toleranceItem')}
        <input
          type="number"
          min={0}
          max={10}
          step={1}
          value={toleranceItem}
          onChange={(event) => onToleranceItem(Number(event.target.value))}
        />
      </label>
    </>
  );
}

/** The reviewers typed one per line, without empty lines. */
const namesByLine = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The lead's form: calls, reviewers by name (optionally the lead too), benchmark, blind, tolerances, deadline. */
export function NewSessionForm({ onCreated }: { onCreated: (sessionId: string) => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const me = useBackendQuery('reviewer.get', {});
  const [name, setName] = useState('');
  const [callIds, setCallIds] = useState<string[]>([]);
  const [names, setNames] = useState('');
  const [includeMe, setIncludeMe] = useState(false);
  const [benchmark, setBenchmark] = useState('');
  const [blind, setBlind] = useState(true);
  const [toleranceTotal, setToleranceTotal] = useState(5);
  const [toleranceItem, setToleranceItem] = useState(1);
  const [deadline, setDeadline] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const reviewerNames = namesByLine(names);
  const myName = me.status === 'ok' && me.value ? me.value.name : null;
  const allReviewers = [...(includeMe && myName ? [myName] : []), ...reviewerNames];

  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    const reviewers = [
      ...(includeMe && me.status === 'ok' && me.value ? [{ id: me.value.id }] : []),
      ...reviewerNames.map((reviewer) => ({ name: reviewer })),
    ];
    const result = await transport.invoke('sessions.create', {
      name,
      callIds,
      reviewers,
      benchmarkIndex: benchmark === '' ? null : Number(benchmark),
      blind,
      toleranceTotal,
      toleranceItem,
      deadline: deadline || null,
    });
    if (result.ok) onCreated(result.value.id);
    else setError(result.error);
  };

  return (
    <form className="session-form" onSubmit={(event) => void create(event)} aria-label={t('sessions.new')}>
      <label>
        {t('sessions.form.name')}
        <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
      </label>
      <CallChecklist callIds={callIds} onChange={setCallIds} />
      <label>
        {t('sessions.form.reviewers')}
        <textarea rows={4} value={names} onChange={(event) => setNames(event.target.value)} />
      </label>
      {myName && (
        <label className="check">
          <input type="checkbox" checked={includeMe} onChange={(event) => setIncludeMe(event.target.checked)} />
          {t('sessions.form.includeMe')} ({myName})
        </label>
      )}
      <BenchmarkSelect value={benchmark} onChange={setBenchmark} reviewers={allReviewers} />
      <label className="check">
        <input type="checkbox" checked={blind} onChange={(event) => setBlind(event.target.checked)} />
        {t('sessions.form.blind')}
      </label>
      <div className="form-row">
        <ToleranceFields
          toleranceTotal={toleranceTotal}
          onToleranceTotal={setToleranceTotal}
          toleranceItem={toleranceItem}
          onToleranceItem={setToleranceItem}
        />
        <DateField label={t('sessions.form.deadline')} value={deadline} onChange={setDeadline} />
      </div>
      <button
        type="submit"
        className="button primary"
        disabled={!name.trim() || callIds.length === 0 || allReviewers.length < 2}
      >
        {t('sessions.form.create')}
      </button>
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
