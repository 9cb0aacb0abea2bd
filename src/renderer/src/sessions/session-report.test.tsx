import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail } from '../../../contract/errors';
import type { MethodOutput } from '../../../contract/methods';
import { inputsOf, renderWithBackend, type FakeHandlers } from '../../../../tests/unit/render-with-backend';
import { calibrationSession, shippedRubric } from '../../../../tests/unit/session-fixtures';
import { SessionDetail } from './session-detail';

const band = (alpha: number): 'reliable' | 'tentative' | 'unreliable' =>
  alpha >= 0.8 ? 'reliable' : alpha >= 0.667 ? 'tentative' : 'unreliable';
const itemRow = (itemId: string, alpha: number, ambiguous = false) => ({
  itemId,
  level: 'ordinal' as const,
  alpha,
  band: band(alpha),
  percentAgreement: 75,
  gwetAc1: 0.71,
  applicabilityAlpha: null,
  ambiguous,
  percentWithinTolerance: 100,
});

const report: MethodOutput<'sessions.report'> = {
  reference: 'benchmark',
  enoughReviews: true,
  ambiguousItems: 1,
  items: [itemRow('1.1', 0.412, true), itemRow('1.3', 0.9)],
  sections: [{ sectionId: '1', alpha: 0.6, band: 'unreliable' }],
  total: { alpha: 0.712, band: 'tentative', iccAgreement: 0.688 },
  totals: [[92.5, 61.25]],
  reviewers: [
    {
      bias: null,
      meanAbsoluteDeviation: null,
      percentWithinTolerance: null,
      calls: 2,
      severity: 0.4,
      severityStandardError: 0.2,
    },
    {
      bias: -8.75,
      meanAbsoluteDeviation: 8.75,
      percentWithinTolerance: 50,
      calls: 2,
      severity: -0.4,
      severityStandardError: 0.2,
    },
  ],
  fairTotals: [80, 75],
  callMetrics: [
    {
      agentTalkRatio: 0.567,
      overtalkCount: 1,
      overtalkMs: 1010,
      longestSilenceMs: 4480,
      agentWordsPerMinute: null,
      medianAcknowledgementLatencyMs: 492,
    },
    null,
  ],
  consensus: [],
  moments: {
    types: [{ type: 'customer-emotion-cue', matched: 3, unmatched: 1, f1: 0.75 }],
    reviewers: [null, { matched: 3, missed: 1, extra: 0, f1: 0.857 }],
  },
};

function renderSession(extra: FakeHandlers = {}, language: 'nl' | 'en' = 'en') {
  return renderWithBackend(
    <SessionDetail sessionId="session-1" onReview={() => undefined} />,
    {
      'sessions.get': () => calibrationSession,
      'sessions.report': () => report,
      'rubrics.get': shippedRubric,
      'exports.sessionReport': (input) => ({ exportId: 'export-1', fileName: `report-${input.language}.pdf` }),
      ...extra,
    },
    language,
  );
}

describe('Session report', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says there are not enough reviews instead of showing zeros when one reviewer submitted', async () => {
    const single: MethodOutput<'sessions.report'> = {
      ...report,
      enoughReviews: false,
      ambiguousItems: null,
      items: report.items.map((item) => ({
        ...item,
        alpha: null,
        band: null,
        ambiguous: false,
        gwetAc1: null,
        percentAgreement: null,
        percentWithinTolerance: null,
      })),
      total: { alpha: null, band: null, iccAgreement: null },
      reviewers: report.reviewers.map(() => ({
        bias: null,
        meanAbsoluteDeviation: null,
        percentWithinTolerance: null,
        calls: null,
        severity: null,
        severityStandardError: null,
      })),
      moments: { types: [], reviewers: null },
    };
    renderSession({ 'sessions.report': () => single }, 'nl');
    expect(await screen.findByTestId('report-not-enough')).toHaveTextContent('Nog niet genoeg beoordelingen');
    const anna = within(screen.getByTestId('report-reviewers')).getByRole('row', { name: /Anna Bakker/ });
    expect(
      within(anna)
        .getAllByRole('cell')
        .slice(1)
        .map((cell) => cell.textContent),
    ).toEqual(['—', '—', '—', '—', '—', '—']);
    expect(screen.getByTestId('report-items')).not.toHaveTextContent('dubbelzinnig');
  });

  it('shows no not-enough note once the report is computable', async () => {
    renderSession();
    await screen.findByTestId('report-reviewers');
    expect(screen.queryByTestId('report-not-enough')).not.toBeInTheDocument();
  });

  it("shows the total agreement, each reviewer's calibration and the items that need discussion", async () => {
    renderSession();
    expect(await screen.findByRole('heading', { name: /Report/ })).toHaveTextContent(
      'compared with the benchmark reviewer',
    );
    expect(screen.getByText(/α = 0\.712/)).toHaveTextContent('tentative');
    expect(screen.getByText(/ICC\(A,1\) = 0\.688/)).toBeInTheDocument();
    const bram = within(screen.getByTestId('report-reviewers')).getByRole('row', { name: /Bram Visser/ });
    expect(
      within(bram)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Bram Visser', '2', '-8.8', '8.8', '50', '-0.4 ± 0.2', '0.86']);
    expect(within(screen.getByTestId('report-reviewers')).getByRole('row', { name: /Anna Bakker/ })).toHaveTextContent(
      '—',
    );
    const ambiguous = screen.getByTestId('report-items').querySelector('tr[data-item-id="1.1"]')!;
    expect(ambiguous).toHaveTextContent('ambiguous');
    expect(ambiguous).toHaveTextContent('unreliable');
    expect(
      within(screen.getByTestId('report-moments')).getByRole('row', { name: /Customer emotion cue/ }),
    ).toHaveTextContent('0.75');
  });

  it('writes numbers the Dutch way in Dutch', async () => {
    renderSession({}, 'nl');
    expect(await screen.findByText(/α = 0,712/)).toBeInTheDocument();
    expect(within(screen.getByTestId('report-reviewers')).getByRole('row', { name: /Bram Visser/ })).toHaveTextContent(
      '-8,8',
    );
  });

  it('exports the PDF report in the UI language and downloads it', async () => {
    const user = userEvent.setup();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { transport } = renderSession({}, 'nl');
    await user.click(await screen.findByRole('button', { name: 'Rapport (PDF)' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(inputsOf(transport, 'exports.sessionReport')).toEqual([{ sessionId: 'session-1', language: 'nl' }]);
    expect(clicked[0]!.getAttribute('href')).toBe('/media/exports/export-1');
    expect(clicked[0]!.download).toBe('report-nl.pdf');
  });

  it('says why an export failed and keeps the report on screen', async () => {
    const user = userEvent.setup();
    renderSession({ 'exports.sessionReport': () => fail('storage_failed', 'disk full') });
    await user.click(await screen.findByRole('button', { name: 'Report (PDF)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The database could not be read or written.');
    expect(screen.getByTestId('report-items')).toBeInTheDocument();
  });

  it('lists each call’s metrics from its signals, a dash where a call has none', async () => {
    renderSession({}, 'nl');
    const table = await screen.findByTestId('report-call-metrics');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['57%', '1× · 1,0 s', '4,5 s', '–', '0,5 s'],
      ['–', '–', '–', '–', '–'],
    ]);
  });

  it('has no call metrics table when no call has signals', async () => {
    renderSession({ 'sessions.report': () => ({ ...report, callMetrics: [null, null] }) });
    await screen.findByTestId('report-items');
    expect(screen.queryByTestId('report-call-metrics')).not.toBeInTheDocument();
  });
});
