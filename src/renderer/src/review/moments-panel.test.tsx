import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewDetail } from '../../../contract/reviews';
import type { Moment } from '../../../domain/moments/model';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { bestAnswers, draftReview, reviewedCall, savedNow } from '../../../../tests/unit/review-fixtures';
import { ReviewWorkspace } from './review-workspace';

const cue: Moment = {
  id: 'm-cue',
  startMs: 4_000,
  endMs: 6_000,
  type: 'customer-emotion-cue',
  speaker: 'customer',
  polarity: 'neutral',
  emotion: 'frustration',
  intensity: 2,
  itemIds: ['1.1'],
  note: '',
};
const response: Moment = {
  id: 'm-resp',
  startMs: 9_500,
  endMs: 12_000,
  type: 'empathic-response',
  speaker: 'agent',
  polarity: 'strength',
  itemIds: [],
  note: '',
};

function renderMoments(detail: ReviewDetail) {
  return renderWithBackend(
    <ReviewWorkspace detail={reviewedCall} shortcutsEnabled renderCall={(props) => <div>{props.momentsPane}</div>} />,
    {
      'reviews.open': () => detail,
      'reviews.list': () => [],
      'moments.save': savedNow,
      'moments.delete': savedNow,
      'reviews.setAnswer': savedNow,
    },
  );
}

const savedMoments = (transport: Parameters<typeof inputsOf>[0]) =>
  inputsOf(transport, 'moments.save').map((input) => (input as { moment: Moment }).moment);

describe('MomentsPanel', () => {
  afterEach(() => localStorage.clear());

  it('adds a moment at the playhead, opens it in the editor, and undoes it', async () => {
    const user = userEvent.setup();
    const { transport } = renderMoments(draftReview());
    expect(await screen.findByText(/No moments yet\./)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'New moments' }), 'Empathic response');
    await user.click(screen.getByRole('button', { name: /Moment at playhead/ }));

    const list = screen.getByTestId('moment-list');
    expect(within(list).getByRole('button', { pressed: true })).toHaveTextContent('Empathic response');
    expect(screen.getByRole('heading', { name: /Moments/ })).toHaveTextContent('(1)');
    expect(screen.getByRole('group', { name: 'Edit moment' })).toBeInTheDocument();
    await waitFor(() => expect(savedMoments(transport)).toHaveLength(1));
    const added = savedMoments(transport)[0]!;
    expect(added).toMatchObject({
      type: 'empathic-response',
      speaker: 'agent',
      startMs: 0,
      itemIds: ['1.1', '1.2', '2.1'],
    });

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText(/No moments yet\./)).toBeInTheDocument();
    await waitFor(() =>
      expect(inputsOf(transport, 'moments.delete')).toEqual([{ reviewId: 'review-1', momentId: added.id }]),
    );
  });

  it('links a moment to a low-scored item, which satisfies the evidence rule', async () => {
    const user = userEvent.setup();
    const { transport } = renderMoments(draftReview({ ...bestAnswers('1.3'), '1.3': { kind: 'no' } }, [cue, response]));
    const lowItem = await screen.findByRole('group', { name: /Does not minimise/ });
    expect(within(lowItem).getByRole('alert')).toHaveTextContent('Evidence missing');

    await user.click(screen.getByRole('button', { name: /^Empathic response/ }));
    const editor = screen.getByRole('group', { name: 'Edit moment' });
    await user.click(within(editor).getByRole('checkbox', { name: '1.3' }));
    expect(within(lowItem).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(lowItem).getByRole('button', { name: '▶ 0:09.5' })).toBeInTheDocument();
    await waitFor(() => expect(savedMoments(transport).at(-1)).toMatchObject({ id: 'm-resp', itemIds: ['1.3'] }));
  });

  it('pairs a response with its cue and shows the empathy response time', async () => {
    const user = userEvent.setup();
    const { transport } = renderMoments(draftReview({}, [cue, response]));
    await user.click(await screen.findByRole('button', { name: /^Empathic response/ }));
    const editor = screen.getByRole('group', { name: 'Edit moment' });
    await user.selectOptions(within(editor).getByRole('combobox', { name: 'Responds to cue' }), '0:04.0 Frustration');
    expect(screen.getByTestId('response-time')).toHaveTextContent('Empathy response time: 3.5 s');
    await waitFor(() => expect(savedMoments(transport).at(-1)).toMatchObject({ id: 'm-resp', respondsTo: 'm-cue' }));
  });

  it('deletes the selected moment', async () => {
    const user = userEvent.setup();
    const { transport } = renderMoments(draftReview({}, [cue, response]));
    await user.click(await screen.findByRole('button', { name: /^Customer emotion cue/ }));
    await user.click(
      within(screen.getByRole('group', { name: 'Edit moment' })).getByRole('button', { name: 'Delete' }),
    );
    expect(within(screen.getByTestId('moment-list')).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.queryByRole('group', { name: 'Edit moment' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(inputsOf(transport, 'moments.delete')).toEqual([{ reviewId: 'review-1', momentId: 'm-cue' }]),
    );
  });
});
