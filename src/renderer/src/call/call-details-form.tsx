import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { localDateAndTime, parseClockTime } from '../ui/calendar-date';
import { DateField } from '../ui/date-field';
import { useTransport } from '../transport/transport-context';
import { ErrorPanel } from '../shell/error-panel';
import type { AppError } from '../../../contract/errors';

/** Edits a call's metadata (title, agent, customer reference, date) and, for stereo, which channel is the agent. */
export function CallDetailsForm({
  detail,
  onSaved,
  onCancel,
}: {
  detail: CallDetail;
  onSaved: (detail: CallDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [title, setTitle] = useState(detail.call.title);
  const [agentName, setAgentName] = useState(detail.call.agentName);
  const [customerRef, setCustomerRef] = useState(detail.call.customerRef);
  const initialWhen = detail.call.recordedAt ? localDateAndTime(detail.call.recordedAt) : { date: '', time: '' };
  const [recordedOn, setRecordedOn] = useState(initialWhen.date);
  const [recordedTime, setRecordedTime] = useState(initialWhen.time);
  const time = recordedTime.trim() === '' ? '00:00' : parseClockTime(recordedTime);
  const [error, setError] = useState<AppError | null>(null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (time === null) return;
    const recordedAt = recordedOn ? new Date(`${recordedOn}T${time}`).toISOString() : null;
    const result = await transport.invoke('calls.update', {
      callId: detail.call.id,
      changes: { title, agentName, customerRef, recordedAt },
    });
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };

  return (
    <form className="details-form" onSubmit={(event) => void save(event)} aria-label={t('call.editDetails')}>
      <label>
        {t('library.columns.title')}
        <input value={title} onChange={(event) => setTitle(event.target.value)} required maxLength={300} />
      </label>
      <label>
        {t('library.columns.agent')}
        <input value={agentName} onChange={(event) => setAgentName(event.target.value)} maxLength={200} />
      </label>
      <label>
        {t('call.customerRef')}
        <input value={customerRef} onChange={(event) => setCustomerRef(event.target.value)} maxLength={200} />
      </label>
      <DateField label={t('library.columns.date')} value={recordedOn} onChange={setRecordedOn} />
      <span>
        <label>
          {t('call.recordedTime')}
          <input
            value={recordedTime}
            onChange={(event) => setRecordedTime(event.target.value)}
            placeholder={t('call.timePattern')}
            inputMode="numeric"
            size={6}
            aria-invalid={time === null}
            aria-describedby={time === null ? 'recorded-time-error' : undefined}
          />
        </label>
        {time === null && (
          <span id="recorded-time-error" className="field-error">
            {t('call.invalidTime')}
          </span>
        )}
      </span>
      <div className="form-actions">
        <button type="submit" className="button primary">
          {t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
