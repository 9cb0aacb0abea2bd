import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fail } from '../../../contract/errors';
import type { ImportSummary } from '../../../contract/imports';
import type { FakeTransport } from '../transport/fake-transport';
import { inputsOf, renderWithBackend, type FakeHandlers } from '../../../../tests/unit/render-with-backend';
import { ImportController } from './import-controller';

const files = () => [
  new File(['RIFF'], 'klacht.wav', { type: 'audio/wav' }),
  new File(['{"hallo": 1}'], 'notities.json', { type: 'application/json' }),
];

function renderImport(
  handlers: FakeHandlers = {
    'imports.start': () => ({ jobId: 'job-1' }),
    'imports.cancel': () => ({ cancelled: true }),
  },
) {
  return renderWithBackend(<ImportController openRequest={0} />, handlers);
}

const finished = (patch: Partial<ImportSummary> = {}): ImportSummary => ({
  jobId: 'job-1',
  importedCallIds: ['call-1'],
  transcriptCallIds: [],
  issues: [
    { fileName: 'notities.json', code: 'transcript_unknown_format', severity: 'error', detail: 'no known fields' },
  ],
  cancelled: false,
  ...patch,
});

describe('ImportController', () => {
  it('stages the chosen files, shows progress file by file, then a summary of what was refused', async () => {
    const user = userEvent.setup();
    const { transport } = renderImport();
    await user.upload(screen.getByTestId('import-input'), files());
    expect(await screen.findByText('Importing')).toBeInTheDocument();
    expect(inputsOf(transport, 'imports.start')).toEqual([
      {
        sources: [expect.objectContaining({ name: 'klacht.wav' }), expect.objectContaining({ name: 'notities.json' })],
      },
    ]);

    act(() => transport.emit('imports.progress', { jobId: 'job-1', current: 1, total: 2, fileName: 'klacht.wav' }));
    expect(screen.getByText('file 1 of 2')).toBeInTheDocument();
    expect(screen.getByText('klacht.wav')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '1');

    act(() => transport.emit('imports.finished', finished()));
    const summary = screen.getByRole('alert', { name: 'Import summary' });
    expect(summary).toHaveTextContent('Import finished: 1 call added.');
    expect(summary).toHaveTextContent('1 file was not imported:');
    expect(screen.getByTestId('import-issue')).toHaveTextContent(
      'notities.json: the transcript format is not recognised.',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('ignores progress of another job', async () => {
    const user = userEvent.setup();
    const { transport } = renderImport();
    await user.upload(screen.getByTestId('import-input'), files());
    await screen.findByText('file 0 of 2');
    act(() => transport.emit('imports.progress', { jobId: 'other-job', current: 2, total: 9, fileName: 'x.wav' }));
    expect(screen.getByText('file 0 of 2')).toBeInTheDocument();
  });

  it('cancels a running import and says how many calls were added before it stopped', async () => {
    const user = userEvent.setup();
    const { transport } = renderImport();
    await user.upload(screen.getByTestId('import-input'), files());
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(inputsOf(transport, 'imports.cancel')).toEqual([{ jobId: 'job-1' }]));
    act(() => transport.emit('imports.finished', finished({ cancelled: true, issues: [] })));
    expect(screen.getByRole('alert', { name: 'Import summary' })).toHaveTextContent(
      'Import cancelled: 1 call was added before stopping.',
    );
  });

  it('shows the summary of a job that finished before its start was answered', async () => {
    const user = userEvent.setup();
    // The job's summary is pushed while the start call is still on its way back.
    const backend: { transport?: FakeTransport } = {};
    backend.transport = renderImport({
      'imports.start': () => {
        backend.transport?.emit('imports.finished', finished({ importedCallIds: ['call-1', 'call-2'], issues: [] }));
        return { jobId: 'job-1' };
      },
    }).transport;
    await user.upload(screen.getByTestId('import-input'), files());
    expect(await screen.findByRole('alert', { name: 'Import summary' })).toHaveTextContent(
      'Import finished: 2 calls added.',
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows a translated error when the import cannot start, and stays usable', async () => {
    const user = userEvent.setup();
    renderImport({ 'imports.start': () => fail('storage_failed', 'disk full') });
    await user.upload(screen.getByTestId('import-input'), files());
    expect(await screen.findByRole('alert')).toHaveTextContent('The database could not be read or written.');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
