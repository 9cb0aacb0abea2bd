import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CallSummary } from '../../../domain/call';
import { createI18n } from '../i18n/i18n';
import { createFakeTransport } from '../transport/fake-transport';
import { TransportProvider } from '../transport/transport-context';
import { CallLibrary } from './call-library';

const call = (id: string, title: string, extra: Partial<CallSummary> = {}): CallSummary => ({
  id,
  title,
  agentName: 'Sanne de Vries',
  customerRef: 'K-1001',
  recordedAt: '2026-03-04T09:15:00Z',
  durationMs: 154_000,
  reviewStatus: 'unreviewed',
  reviewCount: 0,
  ...extra,
});

/** The backend's windows over `calls` (ordered as given), `limit` at a time. */
function windowsOver(calls: CallSummary[]) {
  return (input: { search?: string; limit?: number; after?: { id: string } }) => {
    const matching = calls.filter((c) => !input.search || c.title.includes(input.search));
    const from = input.after ? matching.findIndex((c) => c.id === input.after!.id) + 1 : 0;
    const rows = matching.slice(from, from + (input.limit ?? 200));
    const last = rows.at(-1);
    const more = from + rows.length < matching.length;
    return {
      rows,
      total: matching.length,
      next: more && last ? { recordedAt: last.recordedAt ?? '', createdAtMs: 0, id: last.id } : null,
    };
  };
}

function renderLibrary(calls: CallSummary[], language: 'nl' | 'en' = 'nl') {
  const transport = createFakeTransport({ 'calls.window': windowsOver(calls) });
  render(
    <TransportProvider transport={transport}>
      <I18nextProvider i18n={createI18n(language)}>
        <CallLibrary onOpen={() => undefined} onOpenAt={() => undefined} onImport={() => undefined} />
      </I18nextProvider>
    </TransportProvider>,
  );
  return transport;
}

describe('CallLibrary', () => {
  it('explains how to import when there are no calls', async () => {
    renderLibrary([], 'en');
    expect(await screen.findByRole('heading', { name: 'No calls yet' })).toBeInTheDocument();
    expect(screen.getByText(/npm run cli -- import/)).toBeInTheDocument();
  });

  it('shows title, agent, duration and a translated status', async () => {
    renderLibrary([call('a', 'Klacht over factuur', { reviewStatus: 'submitted', reviewCount: 2 })]);
    expect(await screen.findByText('Klacht over factuur')).toBeInTheDocument();
    expect(screen.getByText('Sanne de Vries')).toBeInTheDocument();
    expect(screen.getByText('2:34')).toBeInTheDocument();
    expect(screen.getByText('Ingediend')).toBeInTheDocument();
    expect(screen.getByTestId('call-count')).toHaveTextContent('1 gesprek');
  });

  it('renders hostile text as text', async () => {
    renderLibrary([call('x', '<img src=x onerror=alert(1)>')]);
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('searches through the backend and reloads when calls change', async () => {
    const calls = [call('a', 'Levering te laat'), call('b', 'Opzegging')];
    const transport = renderLibrary(calls);
    await screen.findByText('Opzegging');
    await userEvent.type(screen.getByRole('searchbox', { name: 'Gesprekken zoeken' }), 'Levering');
    await waitFor(() => expect(screen.queryByText('Opzegging')).not.toBeInTheDocument());
    expect(transport.calls.at(-1)).toEqual({ method: 'calls.window', input: { search: 'Levering' } });
    calls.push(call('c', 'Levering beschadigd'));
    transport.emit('calls.changed', {});
    expect(await screen.findByText('Levering beschadigd')).toBeInTheDocument();
  });

  it('loads the library a window at a time: the count is of every call, the next window on “load more”', async () => {
    const calls = Array.from({ length: 450 }, (_, n) => call(`c${n}`, `Gesprek ${n}`));
    const transport = renderLibrary(calls, 'en');
    expect(await screen.findByTestId('call-count')).toHaveTextContent('450 calls');
    const more = await screen.findByRole('button', { name: '200 of 450 shown; load more' });
    expect(transport.calls).toEqual([{ method: 'calls.window', input: {} }]);
    await userEvent.click(more);
    await screen.findByRole('button', { name: '400 of 450 shown; load more' });
    expect(transport.calls.at(-1)?.input).toMatchObject({ after: { id: 'c199' } });
    await userEvent.click(screen.getByRole('button', { name: /400 of 450/ }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /load more/ })).not.toBeInTheDocument());
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '451');
  });

  it('shows a translated error with retry', async () => {
    const transport = createFakeTransport({
      'calls.window': () => ({ ok: false, error: { code: 'storage_failed', message: 'disk' } }),
    });
    render(
      <TransportProvider transport={transport}>
        <I18nextProvider i18n={createI18n('en')}>
          <CallLibrary onOpen={() => undefined} onOpenAt={() => undefined} onImport={() => undefined} />
        </I18nextProvider>
      </TransportProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The database could not be read or written.');
  });
});
