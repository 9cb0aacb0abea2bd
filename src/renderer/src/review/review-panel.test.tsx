import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewDetail } from '../../../contract/reviews';
import { inputsOf, renderWithBackend } from '../../../../tests/unit/render-with-backend';
import { bestAnswers, draftReview, reviewedCall, savedNow } from '../../../../tests/unit/review-fixtures';
import { ReviewWorkspace } from './review-workspace';

function renderReview(detail: ReviewDetail, language: 'nl' | 'en' = 'en') {
  const submitted: ReviewDetail = {
    ...detail,
    review: { ...detail.review, status: 'submitted', submittedAtMs: 1_700_000_200_000 },
  };
  return renderWithBackend(
    <ReviewWorkspace
      detail={reviewedCall}
      shortcutsEnabled={false}
      renderCall={(props) => <div>{props.momentsPane}</div>}
    />,
    {
      'reviews.open': () => detail,
      'reviews.list': () => [],
      'reviews.setAnswer': savedNow,
      'reviews.setEvidenceOverride': savedNow,
      'reviews.setComment': savedNow,
      'reviews.submit': () => submitted,
    },
    language,
  );
}

/** The rubric item whose title reads `title`. */
const item = (title: string) => screen.getByRole('group', { name: title });

describe('ReviewPanel', () => {
  afterEach(() => localStorage.clear());

  it('saves a chosen score and shows the new total', async () => {
    const user = userEvent.setup();
    const { transport } = renderReview(draftReview());
    const minimise = await screen.findByRole('group', {
      name: "Does not minimise, dismiss or blame the customer's feelings",
    });
    expect(screen.getByTestId('review-total')).toHaveTextContent('—');
    await user.click(within(minimise).getByRole('radio', { name: 'Yes' }));
    expect(within(minimise).getByRole('radio', { name: 'Yes' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('review-total')).toHaveTextContent('100.0');
    await waitFor(() =>
      expect(inputsOf(transport, 'reviews.setAnswer')).toEqual([
        { reviewId: 'review-1', itemId: '1.3', answer: { kind: 'yes' } },
      ]),
    );
    expect(await screen.findByTestId('save-status')).toHaveAttribute('data-state', 'saved');
  });

  it('scores a level with the keyboard on a focused item', async () => {
    const user = userEvent.setup();
    const { transport } = renderReview(draftReview());
    const recognises = await screen.findByRole('group', { name: "Recognises the customer's emotion and names it" });
    recognises.focus();
    await user.keyboard('2');
    expect(within(recognises).getByRole('radio', { name: /^2 · Sincere but generic/ })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await waitFor(() =>
      expect(inputsOf(transport, 'reviews.setAnswer')).toContainEqual({
        reviewId: 'review-1',
        itemId: '1.1',
        answer: { kind: 'level', value: 2 },
      }),
    );
  });

  it('asks for evidence on a low score until a reason is written', async () => {
    const user = userEvent.setup();
    const { transport } = renderReview(draftReview(bestAnswers('1.3')));
    await user.click(
      within(await screen.findByRole('group', { name: /Does not minimise/ })).getByRole('radio', { name: 'No' }),
    );
    expect(
      within(item("Does not minimise, dismiss or blame the customer's feelings")).getByRole('alert'),
    ).toHaveTextContent('Evidence missing: link a moment to this item, or write why none is needed.');
    expect(screen.getByText('1 score needs evidence or a reason.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();

    await user.type(
      within(item("Does not minimise, dismiss or blame the customer's feelings")).getByRole('textbox', {
        name: 'Reason without a moment',
      }),
      'Said nothing dismissive',
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText('1 score needs evidence or a reason.')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeEnabled();
    await waitFor(() =>
      expect(inputsOf(transport, 'reviews.setEvidenceOverride').at(-1)).toEqual({
        reviewId: 'review-1',
        itemId: '1.3',
        reason: 'Said nothing dismissive',
      }),
    );
  });

  it('blocks submitting while an item is unanswered, then submits and locks the review', async () => {
    const user = userEvent.setup();
    const { transport } = renderReview(draftReview(bestAnswers('1.3')));
    expect(await screen.findByText('1 item still unanswered.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit' })).toBeDisabled();
    await user.click(
      within(item("Does not minimise, dismiss or blame the customer's feelings")).getByRole('radio', { name: 'Yes' }),
    );
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByRole('button', { name: 'Reopen' })).toBeInTheDocument();
    expect(screen.getByTestId('review-status')).toHaveTextContent('Submitted');
    expect(
      within(item("Does not minimise, dismiss or blame the customer's feelings")).getByRole('radio', { name: 'No' }),
    ).toBeDisabled();
    expect(inputsOf(transport, 'reviews.submit')).toEqual([{ reviewId: 'review-1' }]);
  });

  it('speaks Dutch with the Dutch rubric texts', async () => {
    renderReview(draftReview(bestAnswers('1.3')), 'nl');
    expect(
      await screen.findByRole('group', {
        name: 'Bagatelliseert de gevoelens van de klant niet, wuift ze niet weg en verwijt ze de klant niet',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText('Nog 1 criterium onbeantwoord.')).toBeInTheDocument();
  });
});
