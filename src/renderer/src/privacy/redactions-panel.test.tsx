import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { fail } from '../../../contract/errors';
import type { CallRedactions } from '../../../contract/redactions';
import type { Redaction } from '../../../domain/privacy/redaction';
import { createI18n } from '../i18n/i18n';
import { createFakeTransport } from '../transport/fake-transport';
import { TransportProvider } from '../transport/transport-context';
import { RedactionsPanel } from './redactions-panel';

const card: Redaction = {
  id: 'r1',
  callId: 'c1',
  startMs: 3000,
  endMs: 7000,
  kind: 'card_number',
  reason: '',
  status: 'suggested',
  createdBy: null,
  createdAtMs: 1,
  appliedAtMs: null,
};
const suggested: CallRedactions = {
  redactions: [card],
  audit: [
    {
      redactionId: 'r1',
      action: 'suggested',
      kind: 'card_number',
      startMs: 3000,
      endMs: 7000,
      actorName: '',
      reason: '',
      atMs: 1,
    },
  ],
};
const accepted: CallRedactions = {
  redactions: [{ ...card, status: 'accepted' }],
  audit: [
    ...suggested.audit,
    {
      redactionId: 'r1',
      action: 'accepted',
      kind: 'card_number',
      startMs: 3000,
      endMs: 7000,
      actorName: 'Sanne',
      reason: '',
      atMs: 2,
    },
  ],
};

function renderPanel(
  language: 'nl' | 'en',
  handlers: Parameters<typeof createFakeTransport>[0],
  selection: { startMs: number; endMs: number } | null = null,
) {
  const transport = createFakeTransport(handlers);
  const onChanged = vi.fn();
  render(
    <TransportProvider transport={transport}>
      <I18nextProvider i18n={createI18n(language)}>
        <RedactionsPanel callId="c1" selection={selection} onChanged={onChanged} />
      </I18nextProvider>
    </TransportProvider>,
  );
  return { transport, onChanged };
}

describe('RedactionsPanel', () => {
  it('lists a suggestion and redacts it, telling the call screen to reload', async () => {
    const user = userEvent.setup();
    const { transport, onChanged } = renderPanel('en', {
      'redactions.list': () => suggested,
      'redactions.accept': () => accepted,
    });
    await user.click(await screen.findByRole('button', { name: 'Privacy · 1 suggestion' }));
    const row = await screen.findByTestId('redaction');
    expect(row).toHaveTextContent('0:03–0:07 Card number');
    await user.click(within(row).getByRole('button', { name: 'Redact' }));
    expect(transport.calls.at(-1)).toEqual({ method: 'redactions.accept', input: { redactionId: 'r1' } });
    expect(await screen.findByRole('button', { name: 'Undo redaction' })).toBeInTheDocument();
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('says in Dutch why a decision was refused and keeps the list', async () => {
    const user = userEvent.setup();
    const { onChanged } = renderPanel('nl', {
      'redactions.list': () => suggested,
      'redactions.dismiss': () => fail('reviewer_missing', 'no profile'),
    });
    await user.click(await screen.findByTestId('privacy-button'));
    const row = await screen.findByTestId('redaction');
    await user.click(within(row).getByRole('button', { name: 'Afwijzen' }));
    expect(await screen.findByRole('alert')).not.toBeEmptyDOMElement();
    expect(screen.getByTestId('redaction')).toHaveAttribute('data-status', 'suggested');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('prefills the range from a selection, wants a reason and valid times', async () => {
    const user = userEvent.setup();
    const { transport } = renderPanel(
      'nl',
      { 'redactions.list': () => suggested, 'redactions.mark': () => accepted },
      { startMs: 61_250, endMs: 62_000 },
    );
    await user.click(await screen.findByTestId('privacy-button'));
    const form = await screen.findByTestId('redaction-mark-form');
    expect(within(form).getByLabelText('Van')).toHaveValue('1:01.2');
    await user.click(within(form).getByRole('button', { name: 'Bereik afschermen' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Schrijf op waarom je dit stuk afschermt.');
    await user.type(within(form).getByLabelText('Reden'), 'naam');
    await user.clear(within(form).getByLabelText('Tot'));
    await user.type(within(form).getByLabelText('Tot'), '0:30');
    await user.click(within(form).getByRole('button', { name: 'Bereik afschermen' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('het einde na het begin');
    await user.clear(within(form).getByLabelText('Tot'));
    await user.type(within(form).getByLabelText('Tot'), '1:02.5');
    await user.click(within(form).getByRole('button', { name: 'Bereik afschermen' }));
    expect(transport.calls.at(-1)).toEqual({
      method: 'redactions.mark',
      input: { callId: 'c1', startMs: 61_200, endMs: 62_500, reason: 'naam' },
    });
  });
});
