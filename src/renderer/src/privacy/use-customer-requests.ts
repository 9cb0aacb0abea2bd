import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { RequestFindResult } from '../../../contract/requests';
import { useBackendQuery } from '../hooks/use-backend-query';
import { downloadExport } from '../sessions/download-export';
import { useTransport } from '../transport/transport-context';
import { useLocale } from '../ui/use-locale';

export type RequestMessage = { readonly kind: 'done' | 'error'; readonly text: string } | null;
export type RequestBusy = 'finding' | 'exporting' | 'erasing' | null;

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
 * The state of a customer request: the search and its result, the calls selected, the reference, what is running,
 * the last outcome, and the actions (find, export as one archive, erase after confirmation).
 */
export function useCustomerRequests() {
  const { t } = useTranslation();
  const transport = useTransport();
  const locale = useLocale();
  const errorText = useErrorText();
  const log = useBackendQuery('requests.log', {});
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<RequestFindResult | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState<RequestBusy>(null);
  const [message, setMessage] = useState<RequestMessage>(null);
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

  return {
    log,
    query,
    setQuery,
    result,
    selected,
    setSelected,
    reference,
    setReference,
    busy,
    message,
    confirming,
    setConfirming,
    find: () => void find(query),
    exportArchive: () => withReference(() => void exportArchive()),
    askToErase: () => withReference(() => setConfirming(true)),
    erase: () => void erase(),
  };
}
