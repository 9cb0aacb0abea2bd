import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { TranscriptHit } from '../../../contract/transcript-search';
import { createI18n } from '../i18n/i18n';
import { createFakeTransport } from '../transport/fake-transport';
import { TransportProvider } from '../transport/transport-context';
import { renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { CallLibrary } from './call-library';

const hit: TranscriptHit = {
  callId: 'c1',
  title: 'Opzegging internet',
  agentName: 'Sanne',
  recordedAt: null,
  segment: 3,
  speaker: 'Peter',
  role: 'customer',
  atMs: 83_400,
  before: 'ik wil mijn abonnement',
  hit: 'opzeggen,',
  after: 'het werkt gewoon niet',
};

describe('transcript search in the library', () => {
  it('shows hits in context with speaker and time, filters by speaker, and opens a call at the hit', async () => {
    const transport = createFakeTransport({
      'calls.window': () => ({ rows: [], total: 0, next: null }),
      'calls.searchTranscripts': () => ({ hits: [hit], more: false }),
    });
    const onOpenAt = vi.fn();
    render(
      <TransportProvider transport={transport}>
        <I18nextProvider i18n={createI18n('nl')}>
          <CallLibrary onOpen={() => undefined} onOpenAt={onOpenAt} onImport={() => undefined} />
        </I18nextProvider>
      </TransportProvider>,
    );
    await userEvent.type(screen.getByRole('searchbox', { name: 'Zoeken in transcripten' }), 'opzeggen');
    await userEvent.selectOptions(screen.getByLabelText('Gezegd door'), 'Klant');
    const button = await screen.findByRole('button', { name: 'Opzegging internet openen op 1:23' });
    expect(button).toHaveTextContent('Peter (Klant) · 1:23');
    expect(button.querySelector('mark')).toHaveTextContent('opzeggen,');
    expect(screen.getByTestId('transcript-hit-count')).toHaveTextContent('1 treffer');
    expect(transport.calls.at(-1)).toEqual({
      method: 'calls.searchTranscripts',
      input: { query: 'opzeggen', role: 'customer' },
    });
    await userEvent.click(button);
    expect(onOpenAt).toHaveBeenCalledWith('c1', 83_400);
  });

  it('says when a short last word was searched as a whole word, with hits and without', async () => {
    renderWithBackend(
      <CallLibrary onOpen={() => undefined} onOpenAt={() => undefined} onImport={() => undefined} />,
      {
        'calls.window': () => ({ rows: [], total: 0, next: null }),
        'calls.searchTranscripts': (input: { query: string }) => ({
          hits: input.query === 'op' ? [{ ...hit, hit: 'op' }] : [],
          more: false,
          lastWordWhole: true,
        }),
      },
      'en',
    );
    const box = screen.getByRole('searchbox', { name: 'Search transcripts' });
    await userEvent.type(box, 'op');
    expect(await screen.findByTestId('transcript-whole-word')).toHaveTextContent(
      '“op” is searched as a whole word; type a third letter to find the words that start with it.',
    );
    expect(await screen.findByTestId('transcript-hit-count')).toHaveTextContent('1 hit');
    await userEvent.clear(box);
    await userEvent.type(box, 'ik w');
    expect(await screen.findByText('Nobody said “ik w” in a transcript.')).toBeInTheDocument();
    expect(screen.getByTestId('transcript-whole-word')).toHaveTextContent('“w” is searched as a whole word');
  });
});
