import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataProtectionFacts } from './data-protection-facts';
import { diagnosticsSummary } from '../../../domain/support/diagnostics-summary';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useTransport } from '../transport/transport-context';

type CopyState =
  { readonly kind: 'idle' } | { readonly kind: 'copied' } | { readonly kind: 'failed'; readonly text: string | null };

/** Where the log file is, and a diagnostics summary (versions, folders, the newest errors) copied for support. */
export function SupportSection() {
  const { t } = useTranslation();
  const transport = useTransport();
  const diagnostics = useBackendQuery('app.diagnostics', {});
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });

  const copySummary = async (): Promise<void> => {
    const fresh = await transport.invoke('app.diagnostics', {});
    if (!fresh.ok) {
      setCopy({ kind: 'failed', text: null });
      return;
    }
    const text = diagnosticsSummary(fresh.value, {
      userAgent: navigator.userAgent,
      generatedAt: new Date().toISOString(),
    });
    try {
      await navigator.clipboard.writeText(text);
      setCopy({ kind: 'copied' });
    } catch {
      // No clipboard access (permissions, an unfocused window): show the text so it can be copied by hand.
      setCopy({ kind: 'failed', text });
    }
  };

  return (
    <>
      <h2 className="section-title" id="support-title">
        {t('support.title')}
      </h2>
      <dl className="facts" aria-labelledby="support-title">
        <dt>{t('support.logFile')}</dt>
        <dd>{diagnostics.status === 'ok' ? <code data-testid="log-file">{diagnostics.value.logFile}</code> : '…'}</dd>
        <dt>{t('support.recentErrors')}</dt>
        <dd data-testid="recent-error-count">
          {diagnostics.status === 'ok'
            ? t('support.errorCount', { count: diagnostics.value.recentErrors.length })
            : '…'}
        </dd>
      </dl>
      <DataProtectionFacts protection={diagnostics.status === 'ok' ? diagnostics.value.dataProtection : undefined} />
      <p className="muted">{t('support.hint')}</p>
      <div className="support-actions">
        <button type="button" className="button" onClick={() => void copySummary()}>
          {t('support.copy')}
        </button>
        <span role="status">{copy.kind === 'copied' ? t('support.copied') : ''}</span>
      </div>
      {copy.kind === 'failed' && (
        <div role="alert">
          <p className="error-inline">{copy.text === null ? t('support.unavailable') : t('support.copyByHand')}</p>
          {copy.text !== null && (
            <textarea
              className="support-text"
              readOnly
              value={copy.text}
              aria-label={t('support.summaryLabel')}
              rows={10}
              onFocus={(event) => event.currentTarget.select()}
            />
          )}
        </div>
      )}
    </>
  );
}
