import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../../contract/reviews';
import { suggestionMomentRules, type Suggestion } from '../../../domain/assist/suggestions';
import type { Moment } from '../../../domain/moments/model';
import { momentTypeInfo } from '../../../domain/moments/moment-types';
import { rubricItems, type Rubric } from '../../../domain/rubric/model';
import type { CallSignals } from '../../../domain/signals/model';
import { SuggestionRow } from './suggestion-row';
import { useSuggestions } from './use-suggestions';

const colourOf = (suggestion: Suggestion) => momentTypeInfo[suggestionMomentRules[suggestion.kind].momentType].colour;

/** The moments of a review that came from accepted suggestions, read from its history. */
function momentsFromSuggestions(audit: ReviewDetail['audit']): ReadonlySet<string> {
  return new Set(
    audit.flatMap((entry) =>
      entry.action === 'suggestion-accepted' && typeof entry.details.momentId === 'string'
        ? [entry.details.momentId]
        : [],
    ),
  );
}

/**
 * Suggestions in the review workspace: ghost moments for the waveform and the transcript, ghost rows for the moments
 * list, and the keys: A accepts the selected suggestion, X dismisses it, [ and ] move between suggestions.
 */
export function useReviewSuggestions(input: {
  readonly signals: CallSignals | null;
  readonly review: ReviewDetail | null;
  readonly locked: boolean;
  readonly durationMs: number;
  readonly flush: () => Promise<unknown>;
  readonly addAcceptedMoment: (moment: Moment, entry: ReviewDetail['audit'][number]) => void;
  readonly addHistoryEntry: (entry: ReviewDetail['audit'][number]) => void;
  readonly onMomentCreated: (momentId: string) => void;
  readonly seekMs: (timeMs: number) => void;
  readonly currentTimeMs: () => number;
}) {
  const { t } = useTranslation();
  const { review, locked, durationMs, flush, addAcceptedMoment, addHistoryEntry, onMomentCreated } = input;
  // The player's functions change with every render; the ghosts must not (they redraw the waveform's regions).
  const player = useRef({ seekMs: input.seekMs, currentTimeMs: input.currentTimeMs });
  useEffect(() => {
    player.current = { seekMs: input.seekMs, currentTimeMs: input.currentTimeMs };
  });
  const seekMs = useCallback((timeMs: number) => player.current.seekMs(timeMs), []);
  const reviewId = review?.review.id ?? '';
  const rubric: Rubric | null = review?.rubric ?? null;
  const moments = review?.moments;
  const target = useMemo(
    () =>
      review && rubric && moments
        ? {
            reviewId,
            locked,
            moments,
            rubricItemIds: new Set(rubricItems(rubric).map(({ item }) => item.id)),
            durationMs,
            flush,
            onAccepted: (moment: Moment, suggestion: Suggestion, atMs: number) => {
              addAcceptedMoment(moment, {
                atMs,
                reviewerId: review.review.reviewerId,
                reviewerName: review.review.reviewerName,
                action: 'suggestion-accepted',
                reason: '',
                details: {
                  kind: suggestion.kind,
                  startMs: suggestion.startMs,
                  endMs: suggestion.endMs,
                  momentId: moment.id,
                },
              });
              onMomentCreated(moment.id);
            },
            onDismissed: (suggestion: Suggestion, atMs: number) =>
              addHistoryEntry({
                atMs,
                reviewerId: review.review.reviewerId,
                reviewerName: review.review.reviewerName,
                action: 'suggestion-dismissed',
                reason: '',
                details: { kind: suggestion.kind, startMs: suggestion.startMs, endMs: suggestion.endMs },
              }),
          }
        : null,
    [review, reviewId, locked, moments, rubric, durationMs, flush, addAcceptedMoment, addHistoryEntry, onMomentCreated],
  );
  const controller = useSuggestions(input.signals, target);
  const { open, selected } = controller;
  const selectedKey = selected?.key ?? null;

  const select = controller.select;
  const choose = useCallback(
    (key: string) => {
      select(key);
      const suggestion = open.find((candidate) => candidate.key === key);
      if (suggestion) seekMs(suggestion.startMs);
    },
    [select, open, seekMs],
  );

  const ghosts = useMemo(
    () => ({
      items: open.map((suggestion) => ({
        key: suggestion.key,
        startMs: suggestion.startMs,
        endMs: Math.max(suggestion.endMs, suggestion.startMs + 200),
        label: t(`assist.kinds.${suggestion.kind}`),
        colour: colourOf(suggestion),
      })),
      selectedKey,
      onSelect: choose,
    }),
    [open, selectedKey, choose, t],
  );
  const ghostMarks = useMemo(
    () =>
      open
        .filter((suggestion) => suggestion.text !== '')
        .map((suggestion) => ({
          id: suggestion.key,
          startMs: suggestion.startMs,
          endMs: suggestion.endMs,
          label: t('assist.suggestions.suggested', { kind: t(`assist.kinds.${suggestion.kind}`) }),
          colour: colourOf(suggestion),
          ghost: true,
        })),
    [open, t],
  );
  const errorRow = controller.error
    ? [
        {
          key: 'error',
          startMs: -1,
          row: (
            <li key="suggestion-error" className="error-inline" role="alert">
              {t('assist.suggestions.failed', { message: t(`errors.${controller.error.code}`) })}
            </li>
          ),
        },
      ]
    : [];
  const suggestionRows = [
    ...errorRow,
    ...open.map((suggestion) => ({
      key: suggestion.key,
      startMs: suggestion.startMs,
      row: (
        <SuggestionRow
          key={suggestion.key}
          suggestion={suggestion}
          selected={suggestion.key === selectedKey}
          locked={locked}
          onSelect={() => choose(suggestion.key)}
          onAccept={() => void controller.accept(suggestion)}
          onDismiss={() => void controller.dismiss(suggestion)}
        />
      ),
    })),
  ];

  /** The suggestion keys; true when the key was one of them. */
  const onKey = (event: React.KeyboardEvent): boolean => {
    if (locked || event.ctrlKey || event.metaKey || event.altKey) return false;
    switch (event.key) {
      case 'a':
      case 'A':
        if (!selected) return false;
        void controller.accept();
        return true;
      case 'x':
      case 'X':
        if (!selected) return false;
        void controller.dismiss();
        return true;
      case '[':
      case ']': {
        const next = controller.step(event.key === ']' ? 1 : -1, player.current.currentTimeMs());
        if (next) seekMs(next.startMs);
        return next !== null;
      }
      default:
        return false;
    }
  };

  return {
    ghosts,
    ghostMarks,
    suggestionRows,
    fromSuggestion: momentsFromSuggestions(review?.audit ?? []),
    onKey,
  };
}
