import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../../contract/reviews';
import { suggestionMomentRules, type Suggestion } from '../../../domain/assist/suggestions';
import { momentTypeInfo } from '../../../domain/moments/moment-types';
import type { CallSignals } from '../../../domain/signals/model';
import { SuggestionRow } from './suggestion-row';
import { useSuggestionTarget, type SuggestionTargetInput } from './use-suggestion-target';
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

type SuggestionController = ReturnType<typeof useSuggestions>;

/** The suggestions drawn on the waveform (ghosts) and in the transcript (ghost marks). */
function useSuggestionGhosts(open: readonly Suggestion[], selectedKey: string | null, choose: (key: string) => void) {
  const { t } = useTranslation();
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
  return { ghosts, ghostMarks };
}

/** The ghost rows for the moments list: a failure first, then one row per open suggestion. */
function useSuggestionRows(controller: SuggestionController, locked: boolean, choose: (key: string) => void) {
  const { t } = useTranslation();
  const selectedKey = controller.selected?.key ?? null;
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
  return [
    ...errorRow,
    ...controller.open.map((suggestion) => ({
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
}

/** The suggestion keys (A accepts, X dismisses, [ and ] move); the handler answers true when the key was one of them. */
function useSuggestionKeys(
  controller: SuggestionController,
  locked: boolean,
  seekMs: (timeMs: number) => void,
  playerRef: React.RefObject<{ readonly currentTimeMs: () => number }>,
) {
  return (event: React.KeyboardEvent): boolean => {
    if (locked || event.ctrlKey || event.metaKey || event.altKey) return false;
    switch (event.key) {
      case 'a':
      case 'A':
        if (!controller.selected) return false;
        void controller.accept();
        return true;
      case 'x':
      case 'X':
        if (!controller.selected) return false;
        void controller.dismiss();
        return true;
      case '[':
      case ']': {
        const next = controller.step(event.key === ']' ? 1 : -1, playerRef.current.currentTimeMs());
        if (next) seekMs(next.startMs);
        return next !== null;
      }
      default:
        return false;
    }
  };
}

/**
 * Suggestions in the review workspace: ghost moments for the waveform and the transcript, ghost rows for the moments
 * list, and the keys: A accepts the selected suggestion, X dismisses it, [ and ] move between suggestions.
 */
export function useReviewSuggestions(
  input: SuggestionTargetInput & {
    readonly signals: CallSignals | null;
    readonly seekMs: (timeMs: number) => void;
    readonly currentTimeMs: () => number;
  },
) {
  const { review, locked } = input;
  // The player's functions change with every render; the ghosts must not (they redraw the waveform's regions).
  const player = useRef({ seekMs: input.seekMs, currentTimeMs: input.currentTimeMs });
  useEffect(() => {
    player.current = { seekMs: input.seekMs, currentTimeMs: input.currentTimeMs };
  });
  const seekMs = useCallback((timeMs: number) => player.current.seekMs(timeMs), []);
  const controller = useSuggestions(input.signals, useSuggestionTarget(input));
  const { open, selected, select } = controller;
  const choose = useCallback(
    (key: string) => {
      select(key);
      const suggestion = open.find((candidate) => candidate.key === key);
      if (suggestion) seekMs(suggestion.startMs);
    },
    [select, open, seekMs],
  );
  const { ghosts, ghostMarks } = useSuggestionGhosts(open, selected?.key ?? null, choose);
  const suggestionRows = useSuggestionRows(controller, locked, choose);
  const onKey = useSuggestionKeys(controller, locked, seekMs, player);
  return {
    ghosts,
    ghostMarks,
    suggestionRows,
    fromSuggestion: momentsFromSuggestions(review?.audit ?? []),
    onKey,
  };
}
