import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { RetentionLog, RetentionPreview } from '../../../contract/retention';
import type { RetentionRules } from '../../../domain/retention/model';
import { createI18n } from '../i18n/i18n';
import { createFakeTransport } from '../transport/fake-transport';
import { TransportProvider } from '../transport/transport-context';
import { RetentionSection } from './retention-section';

const offRules: RetentionRules = {
  routine: { basis: 'off', days: 90 },
  calibration: { basis: 'off', days: 180 },
};
const nowMs = Date.parse('2026-06-10T12:00:00Z');
const laterMs = Date.parse('2026-07-01T12:00:00Z');

/** A backend in memory: the preview follows the rules asked about; "apply" empties it and writes the log. */
function fakeBackend() {
  let saved = offRules;
  let removed = false;
  const log: RetentionLog = { entries: [], total: 0 };
  const preview = (rules: RetentionRules): RetentionPreview => {
    const on = rules.routine.basis !== 'off' && !removed;
    const days = rules.routine.days;
    return {
      nowMs,
      dueNowCount: on && days === 0 ? 2 : 0,
      heldByDraftCount: 0,
      laterCount: on && days > 0 ? 1 : 0,
      calls: !on
        ? []
        : days === 0
          ? ['Klacht internet', 'Retour'].map((title, index) => ({
              callId: `c${index}`,
              title,
              rule: 'routine' as const,
              dueAtMs: nowMs - 1000,
              dueNow: true,
              heldByDraft: false,
            }))
          : [
              {
                callId: 'c0',
                title: 'Klacht internet',
                rule: 'routine',
                dueAtMs: laterMs,
                dueNow: false,
                heldByDraft: false,
              },
            ],
      truncated: false,
    };
  };
  const transport = createFakeTransport({
    'retention.get': () => saved,
    'retention.set': (rules) => (saved = rules as RetentionRules),
    'retention.preview': (input) => preview((input.rules as RetentionRules | undefined) ?? saved),
    'retention.apply': () => {
      removed = true;
      log.entries.push({
        callId: 'c0',
        callTitle: 'Klacht internet',
        removedAtMs: nowMs,
        rule: 'routine',
        basis: 'after_import',
        days: 0,
        dueAtMs: nowMs - 1000,
        trigger: 'manual',
        audioBytes: 1_400_000,
        peaksBytes: 24_000,
        transcriptSegments: 12,
      });
      log.total = 1;
      return { removedCount: 2, freedBytes: 2_848_000, failedFiles: 0 };
    },
    'retention.log': () => log,
  });
  return { transport, saved: () => saved };
}

function renderSection(language: 'nl' | 'en') {
  const backend = fakeBackend();
  render(
    <TransportProvider transport={backend.transport}>
      <I18nextProvider i18n={createI18n(language)}>
        <RetentionSection />
      </I18nextProvider>
    </TransportProvider>,
  );
  return backend;
}

describe('RetentionSection', () => {
  it('previews unsaved rules, saves them, asks before running and shows the removal in the log', async () => {
    const user = userEvent.setup();
    const backend = renderSection('en');
    expect(await screen.findByTestId('retention-nothing-due')).toHaveTextContent('no call loses its audio');
    const routine = screen.getByTestId('retention-routine-rule');
    await user.selectOptions(within(routine).getByLabelText('Remove the audio'), 'after_import');
    const days = within(routine).getByLabelText('Days');
    await user.clear(days);
    await user.type(days, '30');
    expect(await screen.findByTestId('retention-due-later')).toHaveTextContent(
      'This call will lose its audio on 1 Jul 2026:',
    );
    expect(screen.getByText(/not saved yet/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run now' })).toBeDisabled();

    await user.clear(days);
    await user.type(days, '0');
    expect(await screen.findByTestId('retention-due-now')).toHaveTextContent(
      'These 2 calls will lose their audio, transcript and waveform at the next run (today):',
    );
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(await screen.findByText('Rules saved.')).toBeInTheDocument();
    expect(backend.saved()).toEqual({ routine: { basis: 'after_import', days: 0 }, calibration: offRules.calibration });

    await user.click(screen.getByRole('button', { name: 'Run now' }));
    const confirm = screen.getByRole('alertdialog');
    expect(confirm).toHaveTextContent('Remove the audio, transcript and waveform of 2 calls now?');
    await user.click(within(confirm).getByRole('button', { name: 'Remove now' }));
    expect(await screen.findByText('Removed the audio of 2 calls (2.8 MB freed).')).toBeInTheDocument();
    const log = await screen.findByTestId('retention-log');
    expect(log).toHaveTextContent('Klacht internet');
    expect(log).toHaveTextContent('Routine: 0 days after import');
    expect(log).toHaveTextContent('1.4 MB, 12 transcript turns');
    expect(await screen.findByTestId('retention-nothing-due')).toBeInTheDocument();
  });

  it('refuses days out of range in Dutch, and cancelling the confirmation removes nothing', async () => {
    const user = userEvent.setup();
    const backend = renderSection('nl');
    const routine = await screen.findByTestId('retention-routine-rule');
    await user.selectOptions(within(routine).getByLabelText('Opname verwijderen'), 'after_import');
    const days = within(routine).getByLabelText('Dagen');
    await user.clear(days);
    await user.type(days, '4000');
    expect(screen.getByText('Vul een heel aantal dagen in, van 0 tot 3650.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Regels opslaan' })).toBeDisabled();
    await user.clear(days);
    await user.type(days, '0');
    await user.click(screen.getByRole('button', { name: 'Regels opslaan' }));
    await screen.findByText('Regels opgeslagen.');
    await user.click(screen.getByRole('button', { name: 'Nu uitvoeren' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Dit kun je niet ongedaan maken');
    await user.click(screen.getByRole('button', { name: 'Annuleren' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(backend.transport.calls.some((call) => call.method === 'retention.apply')).toBe(false);
    expect(screen.getByText('Er is nog niets verwijderd.')).toBeInTheDocument();
  });
});
