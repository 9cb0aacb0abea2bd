import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { fail } from '../../../contract/errors';
import type { CustomerRequestLogEntry, RequestFindResult } from '../../../contract/requests';
import { CustomerRequestsSection } from './customer-requests-section';

const summary = (id: string, title: string) => ({
  id,
  title,
  agentName: 'Sanne',
  customerRef: '',
  recordedAt: '2026-03-02T10:00:00Z',
  durationMs: 60_000,
  reviewStatus: 'unreviewed' as const,
  reviewCount: 0,
});

const found: RequestFindResult = {
  queryKind: 'phone',
  calls: [
    {
      call: summary('c1', 'Terugbelverzoek'),
      matches: [{ where: 'transcript', atMs: 2000, before: 'Bel me op ', match: '06-12345678', after: ' graag.' }],
      matchCount: 4,
    },
    {
      call: summary('c2', 'Adreswijziging'),
      matches: [{ where: 'customerRef', atMs: null, before: '', match: '+31612345678', after: '' }],
      matchCount: 1,
    },
  ],
};

function setup(language: 'en' | 'nl' = 'en') {
  const log: CustomerRequestLogEntry[] = [];
  let erased = false;
  const rendered = renderWithBackend(
    <CustomerRequestsSection />,
    {
      'requests.find': (input) =>
        input.query.trim().length < 3
          ? fail('invalid_input', 'short', { problem: 'query_too_short' })
          : erased
            ? { queryKind: 'phone', calls: [] }
            : found,
      'requests.exportArchive': (input) => {
        if (input.reference.includes('06'))
          return fail('invalid_input', 'pd', { problem: 'reference_has_personal_data' });
        log.unshift({
          id: 'a',
          kind: 'access',
          reference: input.reference,
          callCount: input.callIds.length,
          operatorName: 'Anouk',
          atMs: 1,
        });
        return { exportId: '11111111-1111-1111-1111-111111111111', fileName: 'klankbord-request-T-1.zip' };
      },
      'requests.erase': (input) => {
        erased = true;
        log.unshift({
          id: 'e',
          kind: 'erasure',
          reference: input.reference,
          callCount: input.callIds.length,
          operatorName: 'Anouk',
          atMs: 2,
        });
        return { erased: input.callIds.length };
      },
      'requests.log': () => [...log],
    },
    language,
  );
  return { ...rendered, user: userEvent.setup() };
}

describe('CustomerRequestsSection', () => {
  it('finds calls with where they matched, exports the selection under a reference, and shows the log', async () => {
    const { user, transport } = setup();
    await user.type(screen.getByRole('searchbox'), 'ab');
    await user.click(screen.getByRole('button', { name: 'Find calls' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Type at least 3 characters.');

    await user.clear(screen.getByRole('searchbox'));
    await user.type(screen.getByRole('searchbox'), '06 12345678');
    await user.click(screen.getByRole('button', { name: 'Find calls' }));
    expect(await screen.findByText('Searched as a phone number · 2 calls found')).toBeInTheDocument();
    const first = screen.getAllByTestId('request-call')[0]!;
    expect(first).toHaveTextContent('Transcript at 0:02.0: Bel me op 06-12345678 graag.');
    expect(first).toHaveTextContent('and 3 more matches');
    expect(within(first).getByText('06-12345678').tagName).toBe('MARK');

    const exportButton = screen.getByRole('button', { name: 'Export archive' });
    expect(exportButton).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(exportButton);
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a reference first.');
    await user.type(screen.getByLabelText('Request reference (e.g. a ticket number)'), 'bel 0612345678');
    await user.click(exportButton);
    expect(await screen.findByRole('alert')).toHaveTextContent('looks like personal data');
    await user.clear(screen.getByLabelText('Request reference (e.g. a ticket number)'));
    await user.type(screen.getByLabelText('Request reference (e.g. a ticket number)'), 'T-1');
    await user.click(exportButton);
    expect(await screen.findByText('Archive exported: klankbord-request-T-1.zip')).toBeInTheDocument();
    expect(inputsOf(transport, 'requests.exportArchive').at(-1)).toEqual({
      callIds: ['c1', 'c2'],
      reference: 'T-1',
      language: 'en',
    });
    const log = await screen.findByTestId('request-log');
    expect(within(log).getAllByRole('row')[1]).toHaveTextContent('Inzage (access)T-12Anouk');
  });

  it('erases only after the word is typed, then searches again', async () => {
    const { user, transport } = setup('nl');
    await user.type(screen.getByRole('searchbox'), '0612345678');
    await user.click(screen.getByRole('button', { name: 'Gesprekken zoeken' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Adreswijziging selecteren' }));
    await user.type(screen.getByLabelText('Referentie van het verzoek (bijv. een ticketnummer)'), 'AVG-7');
    await user.click(screen.getByRole('button', { name: 'Verwijderen…' }));
    const dialog = await screen.findByTestId('erase-dialog');
    expect(within(dialog).getByRole('heading')).toHaveTextContent('1 gesprek verwijderen?');
    const confirm = within(dialog).getByRole('button', { name: 'Definitief verwijderen' });
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByLabelText('Typ VERWIJDEREN om te bevestigen'), 'verwijderen');
    expect(confirm).toBeDisabled();
    expect(inputsOf(transport, 'requests.erase')).toEqual([]);
    await user.clear(within(dialog).getByLabelText('Typ VERWIJDEREN om te bevestigen'));
    await user.type(within(dialog).getByLabelText('Typ VERWIJDEREN om te bevestigen'), 'VERWIJDEREN');
    await user.click(confirm);
    expect(await screen.findByText('1 gesprek verwijderd.')).toBeInTheDocument();
    expect(inputsOf(transport, 'requests.erase')).toEqual([{ callIds: ['c2'], reference: 'AVG-7' }]);
    expect(await screen.findByText('Gezocht als telefoonnummer · Geen gesprekken gevonden.')).toBeInTheDocument();
    expect(within(await screen.findByTestId('request-log')).getAllByRole('row')[1]).toHaveTextContent('Verwijdering');
  });
});
