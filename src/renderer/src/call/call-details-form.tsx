import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDetail } from '../../../contract/schemas';
import { useTransport } from '../transport/transport-context';
import { ErrorPanel } from '../shell/error-panel';
import type { AppError } from '../../../contract/errors';

/** Edits a call's metadata (title, agent, customer reference, date) and, for stereo, which channel is the agent. */
export function CallDetailsForm({ detail, onSaved, onCancel }: { detail: CallDetail; onSaved: (detail: CallDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [title, setTitle] = useState(detail.call.title);
  const [agentName, setAgentName] = useState(detail.call.agentName);
  const [customerRef, setCustomerRef] = useState(detail.call.customerRef);
  const [recordedAt, setRecordedAt] = useState(detail.call.recordedAt ? toLocalInput(detail.call.recordedAt) : '');
  const [error, setError] = useState<AppError | null>(null);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await transport.invoke('calls.update', {
      callId: detail.call.id,
      changes: { title, agentName, customerRef, recordedAt: recordedAt ? new Date(recordedAt).toISOString() : null },
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
      <label>
        {t('library.columns.date')}
        <input type="datetime-local" value={recordedAt} onChange={(event) => setRecordedAt(event.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary">{t('common.save')}</button>
        <button type="button" className="button" onClick={onCancel}>{t('common.cancel')}</button>
      </div>
      {error && <ErrorPanel error={error} />}
    </form>
  );
}

function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
