import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { TeamReport } from '../../../contract/team';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { TeamScreen } from './team-screen';

const summary = (mean: number, count: number, lower: number | null, upper: number | null) => ({
  count,
  mean,
  standardDeviation: lower === null ? null : 0.05,
  lower,
  upper,
});

const report: TeamReport = {
  fromMs: 0,
  toMs: 1,
  granularity: 'month',
  rule: { gap: 0.1, minReviews: 5 },
  severityAdjusted: false,
  adjustmentSessionCount: 0,
  reviewCount: 10,
  withoutAgentCount: 1,
  skills: [
    { skillId: '1', title: { nl: 'Emotie herkennen', en: 'Recognising emotion' } },
    { skillId: '2', title: { nl: 'Empathie tonen', en: 'Showing empathy' } },
  ],
  team: [
    { skillId: '2', summary: summary(0.6, 10, 0.4, 0.8) },
    { skillId: '1', summary: summary(0.9, 10, 0.85, 0.95) },
  ],
  agents: [
    {
      agentName: 'Piet',
      reviewCount: 5,
      skills: [
        { skillId: '1', summary: summary(0.9, 5, 0.8, 1), trend: [] },
        { skillId: '2', summary: summary(1, 5, 1, 1), trend: [] },
      ],
    },
    {
      agentName: 'Sanne',
      reviewCount: 5,
      skills: [
        { skillId: '1', summary: summary(0.9, 5, 0.8, 1), trend: [] },
        {
          skillId: '2',
          summary: summary(0.2, 5, 0, 0.75),
          trend: [
            { period: '2026-10', summary: summary(0.35, 2, 0, 1) },
            { period: '2026-11', summary: summary(0.1, 3, 0, 0.35) },
          ],
        },
      ],
    },
  ],
  needs: [
    {
      agentName: 'Sanne',
      skillId: '2',
      agent: summary(0.2, 5, 0, 0.75),
      team: summary(1, 5, 1, 1),
      gap: 0.8,
      evidence: [
        {
          reviewId: 'r1',
          callId: 'call-1',
          callTitle: 'Opzegging',
          score: 0,
          audioId: 'audio-1',
          moments: [
            { momentId: 'm1', startMs: 10_000, endMs: 14_500, type: 'missed-empathy-opportunity' },
            { momentId: 'm2', startMs: 1000, endMs: 3000, type: 'customer-emotion-cue' },
          ],
          redactedRanges: [{ startMs: 12_000, endMs: 13_000 }],
        },
        {
          reviewId: 'r5',
          callId: 'call-5',
          callTitle: 'Storing',
          score: 1,
          audioId: null,
          moments: [{ momentId: 'm5', startMs: 0, endMs: 1000, type: 'empathic-response' }],
          redactedRanges: [],
        },
      ],
    },
  ],
};

describe('Team screen', () => {
  it('names the training need with its figures, trend and calls, and opens a call from it', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    renderWithBackend(<TeamScreen onOpen={onOpen} />, { 'team.report': () => report }, 'nl');
    const need = await screen.findByRole('heading', { name: 'Sanne: Empathie tonen' });
    const card = need.closest('li')!;
    expect(card).toHaveTextContent(
      'Gemiddeld 20 (95%-interval 0–75) over 5 beoordelingen; de rest van het team 100: 80 punten lager.',
    );
    expect(card).toHaveTextContent('Verloop: okt 2026 35 · nov 2026 10');
    await user.click(within(card).getByRole('button', { name: 'Opzegging openen (score 0)' }));
    expect(onOpen).toHaveBeenCalledWith('call-1');
    expect(screen.getByText(/1 beoordeling van een gesprek zonder medewerker telt niet mee/)).toBeInTheDocument();
    const table = screen.getByTestId('agent-skill-table');
    const sanne = within(table).getByRole('row', { name: /Sanne/ });
    expect(within(sanne).getAllByRole('cell')[1]).toHaveTextContent('20' + '0–75 · 5' + 'Trainingsbehoefte');
  });

  it('plays a moment behind a need in place: its clip from 2 s before to 2 s after, one at a time', async () => {
    const user = userEvent.setup();
    renderWithBackend(<TeamScreen onOpen={() => undefined} />, { 'team.report': () => report }, 'en');
    const card = (await screen.findByRole('heading', { name: 'Sanne: Showing empathy' })).closest('li')!;
    const audio = screen.getByTestId('evidence-audio') as HTMLAudioElement;
    const play = within(card).getByRole('button', { name: 'Play Missed empathy opportunity at 0:10.0 in Opzegging' });
    expect(play).toHaveTextContent('▶ 0:10.0–0:14.5');
    await user.click(play);
    expect(audio.getAttribute('src')).toBe('/media/audio/audio-1');
    expect(audio.currentTime).toBe(8);
    expect(audio.dataset).toMatchObject({ clipFromMs: '8000', clipToMs: '16500' });
    expect(audio.paused).toBe(false);
    const stop = await within(card).findByRole('button', {
      name: 'Stop Missed empathy opportunity at 0:10.0 in Opzegging',
    });
    expect(stop).toHaveAttribute('aria-pressed', 'true');
    // Silent inside the call's redaction, as on the call screen.
    audio.currentTime = 12.5;
    audio.dispatchEvent(new Event('timeupdate'));
    expect(audio.muted).toBe(true);
    // The clip stops by itself 2 s after the moment.
    audio.currentTime = 16.6;
    audio.dispatchEvent(new Event('timeupdate'));
    expect(audio.paused).toBe(true);
    expect(
      await within(card).findByRole('button', { name: 'Play Missed empathy opportunity at 0:10.0 in Opzegging' }),
    ).toHaveAttribute('aria-pressed', 'false');
    // Another moment of the same call starts at 0 (not before the call).
    await user.click(within(card).getByRole('button', { name: /Play .* at 0:01\.0 in Opzegging/ }));
    expect(audio.currentTime).toBe(0);
    expect(audio.dataset.clipToMs).toBe('5000');
    // A call whose recording was removed lists its moments as not playable.
    expect(card).toHaveTextContent('The recording was removed: its moments cannot play.');
  });

  it('asks again with the threshold and trend the lead picks', async () => {
    const user = userEvent.setup();
    const { transport } = renderWithBackend(
      <TeamScreen onOpen={() => undefined} />,
      { 'team.report': () => report },
      'en',
    );
    await screen.findByRole('heading', { name: 'Sanne: Showing empathy' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Training need from' }), '0.2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Trend per' }), 'week');
    await waitFor(() =>
      expect(inputsOf(transport, 'team.report').at(-1)).toMatchObject({ gap: 0.2, granularity: 'week', minReviews: 5 }),
    );
  });

  it('says so when the period has no reviews', async () => {
    renderWithBackend(
      <TeamScreen onOpen={() => undefined} />,
      {
        'team.report': () => ({
          ...report,
          reviewCount: 0,
          withoutAgentCount: 0,
          agents: [],
          needs: [],
          team: [],
          skills: [],
        }),
      },
      'en',
    );
    expect(await screen.findByText('No submitted routine reviews in this period.')).toBeInTheDocument();
  });

  it('merges the spellings of an agent into one and undoes it', async () => {
    const user = userEvent.setup();
    const spellings = [
      { name: 'S. Jansen', calls: 1, reviews: 1 },
      { name: 'Sanne Jansen', calls: 2, reviews: 2 },
    ];
    let merges: { variant: string; agentName: string; mergedAtMs: number }[] = [];
    const list = () => ({
      spellings: spellings.map((spelling) => ({
        ...spelling,
        agentName: merges.find((merge) => merge.variant === spelling.name)?.agentName ?? spelling.name,
      })),
      merges,
    });
    const { transport } = renderWithBackend(
      <TeamScreen onOpen={() => undefined} />,
      {
        'team.report': () => report,
        'agents.list': list,
        'agents.merge': (input) => {
          merges = [{ variant: input.variant, agentName: input.into, mergedAtMs: 1 }];
          return list();
        },
        'agents.unmerge': () => {
          merges = [];
          return list();
        },
      },
      'en',
    );
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Belongs to: S. Jansen' }), 'Sanne Jansen');
    await user.click(screen.getByRole('button', { name: 'Merge S. Jansen into Sanne Jansen' }));
    expect(inputsOf(transport, 'agents.merge')).toEqual([{ variant: 'S. Jansen', into: 'Sanne Jansen' }]);
    expect(await screen.findByText('S. Jansen counts as Sanne Jansen')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo the merge of S. Jansen into Sanne Jansen' }));
    expect(await screen.findByText('No merges yet.')).toBeInTheDocument();
  });
});
