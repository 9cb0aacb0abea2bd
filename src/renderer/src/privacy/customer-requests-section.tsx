import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { RequestFindResult } from '../../../contract/requests';
import { useBackendQuery } from '../hooks/use-backend-query';
import { downloadExport } from '../sessions/download-export';
import { useTransport } from '../transport/transport-context';
import { useLocale } from '../ui/use-locale';
import { EraseDialog } from './erase-dialog';
import { RequestLog } from './request-log';
import { RequestResults } from './request-results';

type Message = { readonly kind: 'done' | 'error'; readonly text: string } | null;

/** The translated text of a refused request: its own problems first, else the error code's text. */
function useErrorText() {
  const { t } = useTranslation();
  return (error: AppError) => {
    const problem = error.details?.problem;
    if (problem === 'query_too_short') return t('requests.queryTooShort');
    if (problem === 'reference_has_personal_data') return t('requests.referenceHasPersonalData');
    return t(`errors.${error.code}`);
  };
}

/**
 * Settings → Privacy → Customer requests: find one customer's calls, export them as one archive (inzage) or erase
 * them (typed confirmation), and the log of requests handled.
 */
export function CustomerRequestsSection() {
  const { t } = useTranslation();
  const transport = useTransport();
  const locale = useLocale();
  const errorText = useErrorText();
  const log = useBackendQuery('requests.log', {});
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<RequestFindResult | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState<'finding' | 'exporting' | 'erasing' | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [confirming, setConfirming] = useState(false);

  const find = async (text: string, keepMessage = false) => {
    setBusy('finding');
    const found = await transport.invoke('requests.find', { query: text });
    setBusy(null);
    if (!keepMessage) setMessage(found.ok ? null : { kind: 'error', text: errorText(found.error) });
    setResult(found.ok ? found.value : null);
    setSelected(new Set());
  };

  const withReference = (action: () => void) => {
    if (reference.trim() === '') setMessage({ kind: 'error', text: t('requests.needReference') });
    else action();
  };

  const exportArchive = async () => {
    setBusy('exporting');
    const written = await transport.invoke('requests.exportArchive', {
      callIds: [...selected],
      reference,
      language: locale,
    });
    setBusy(null);
    if (!written.ok) return setMessage({ kind: 'error', text: errorText(written.error) });
    log.reload();
    if (!transport.saveExport) downloadExport(written.value.exportId, written.value.fileName);
    else {
      const saved = await transport.saveExport(written.value.exportId);
      if (!saved.ok) return setMessage({ kind: 'error', text: errorText(saved.error) });
    }
    setMessage({ kind: 'done', text: t('requests.exported', { fileName: written.value.fileName }) });
  };

  const erase = async () => {
    setConfirming(false);
    setBusy('erasing');
    const erased = await transport.invoke('requests.erase', { callIds: [...selected], reference });
    setBusy(null);
    if (!erased.ok) return setMessage({ kind: 'error', text: errorText(erased.error) });
    log.reload();
    setMessage({ kind: 'done', text: t('requests.erased', { count: erased.value.erased }) });
    await find(query, true);
  };

  return (
    <section className="customer-requests" aria-labelledby="customer-requests-title" data-testid="customer-requests">
      <h2 className="section-title" id="customer-requests-title">
        {t('requests.title')}
      </h2>
      <p className="muted">{t('requests.intro')}</p>
      <form
        className="request-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          void find(query);
        }}
      >
        <label className="request-field">
          <span>{t('requests.query')}</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} maxLength={200} />
        </label>
        <button type="submit" className="button primary" disabled={busy !== null}>
          {busy === 'finding' ? t('requests.searching') : t('requests.find')}
        </button>
      </form>
      {result && <RequestResults result={result} selected={selected} onSelect={setSelected} />}
      {result && result.calls.length > 0 && (
        <div className="request-actions">
          <label className="request-field">
            <span>{t('requests.reference')}</span>
            <input
              value={reference}
              onChange={(event) => setReference(event.target.value)}
              maxLength={100}
              aria-describedby="request-reference-hint"
            />
          </label>
          <p id="request-reference-hint" className="muted hint">
            {t('requests.referenceHint')}
          </p>
          <div className="form-actions">
            <span className="muted">{t('requests.selected', { count: selected.size })}</span>
            <button
              type="button"
              className="button"
              disabled={selected.size === 0 || busy !== null}
              onClick={() => withReference(() => void exportArchive())}
            >
              {busy === 'exporting' ? t('requests.exporting') : t('requests.exportArchive')}
            </button>
            <button
              type="button"
              className="button danger"
              disabled={selected.size === 0 || busy !== null}
              onClick={() => withReference(() => setConfirming(true))}
            >
              {busy === 'erasing' ? t('requests.erasing') : t('requests.erase')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={message.kind === 'error' ? 'error-inline' : ''}
        >
          {message.text}
        </p>
      )}
      {confirming && (
        <EraseDialog count={selected.size} onCancel={() => setConfirming(false)} onConfirm={() => void erase()} />
      )}
      {log.status === 'ok' && <RequestLog entries={log.value} />}
    </section>
  );
}
