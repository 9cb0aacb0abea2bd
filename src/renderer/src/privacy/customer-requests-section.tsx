import { useTranslation } from 'react-i18next';
import { EraseDialog } from './erase-dialog';
import { RequestLog } from './request-log';
import { RequestResults } from './request-results';
import { useCustomerRequests, type RequestBusy } from './use-customer-requests';

function RequestForm({
  query,
  onQueryChange,
  busy,
  onFind,
}: {
  query: string;
  onQueryChange: (query: string) => void;
  busy: RequestBusy;
  onFind: () => void;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="request-form"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onFind();
      }}
    >
      <label className="request-field">
        <span>{t('requests.query')}</span>
        <input type="search" value={query} onChange={(event) => onQueryChange(event.target.value)} maxLength={200} />
      </label>
      <button type="submit" className="button primary" disabled={busy !== null}>
        {busy === 'finding' ? t('requests.searching') : t('requests.find')}
      </button>
    </form>
  );
}

/** The reference the request is logged under, and exporting or erasing the selected calls. */
function RequestActions({
  reference,
  onReferenceChange,
  selectedCount,
  busy,
  onExport,
  onErase,
}: {
  reference: string;
  onReferenceChange: (reference: string) => void;
  selectedCount: number;
  busy: RequestBusy;
  onExport: () => void;
  onErase: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="request-actions">
      <label className="request-field">
        <span>{t('requests.reference')}</span>
        <input
          value={reference}
          onChange={(event) => onReferenceChange(event.target.value)}
          maxLength={100}
          aria-describedby="request-reference-hint"
        />
      </label>
      <p id="request-reference-hint" className="muted hint">
        {t('requests.referenceHint')}
      </p>
      <div className="form-actions">
        <span className="muted">{t('requests.selected', { count: selectedCount })}</span>
        <button type="button" className="button" disabled={selectedCount === 0 || busy !== null} onClick={onExport}>
          {busy === 'exporting' ? t('requests.exporting') : t('requests.exportArchive')}
        </button>
        <button
          type="button"
          className="button danger"
          disabled={selectedCount === 0 || busy !== null}
          onClick={onErase}
        >
          {busy === 'erasing' ? t('requests.erasing') : t('requests.erase')}
        </button>
      </div>
    </div>
  );
}

/**
 * Settings → Privacy → Customer requests: find one customer's calls, export them as one archive (inzage) or erase
 * them (typed confirmation), and the log of requests handled.
 */
export function CustomerRequestsSection() {
  const { t } = useTranslation();
  const request = useCustomerRequests();
  const { result, selected, message } = request;
  return (
    <section className="customer-requests" aria-labelledby="customer-requests-title" data-testid="customer-requests">
      <h2 className="section-title" id="customer-requests-title">
        {t('requests.title')}
      </h2>
      <p className="muted">{t('requests.intro')}</p>
      <RequestForm query={request.query} onQueryChange={request.setQuery} busy={request.busy} onFind={request.find} />
      {result && <RequestResults result={result} selected={selected} onSelect={request.setSelected} />}
      {result && result.calls.length > 0 && (
        <RequestActions
          reference={request.reference}
          onReferenceChange={request.setReference}
          selectedCount={selected.size}
          busy={request.busy}
          onExport={request.exportArchive}
          onErase={request.askToErase}
        />
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error-inline' : ''}
        >
          {message.text}
        </p>
      )}
      {request.confirming && (
        <EraseDialog count={selected.size} onCancel={() => request.setConfirming(false)} onConfirm={request.erase} />
      )}
      {request.log.status === 'ok' && <RequestLog entries={request.log.value} />}
    </section>
  );
}
