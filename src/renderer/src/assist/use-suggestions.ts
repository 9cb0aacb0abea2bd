import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppError } from '../../../contract/errors';
import {
  momentFromSuggestion,
  openSuggestions,
  suggestionsOf,
  type Suggestion,
} from '../../../domain/assist/suggestions';
import type { Moment } from '../../../domain/moments/model';
import type { CallSignals } from '../../../domain/signals/model';
import { useTransport } from '../transport/transport-context';

/** Where an accepted suggestion's moment goes: the review's own state and history (see useReview). */
export interface SuggestionTarget {
  readonly reviewId: string;
  readonly locked: boolean;
  readonly moments: readonly Moment[];
  readonly rubricItemIds: ReadonlySet<string>;
  readonly durationMs: number;
  /** Saves waiting edits first, so a response can pair with a cue marked a moment ago. */
  readonly flush: () => Promise<unknown>;
  readonly onAccepted: (moment: Moment, suggestion: Suggestion, atMs: number) => void;
  readonly onDismissed: (suggestion: Suggestion, atMs: number) => void;
}

/**
 * The call's suggestions for one review: those neither accepted nor dismissed, which one is selected, and accepting
 * (the suggestion becomes an ordinary moment, prefilled from it) or dismissing it (remembered, so it does not come
 * back). Nothing here touches an answer or a score.
 */
export function useSuggestions(signals: CallSignals | null, target: SuggestionTarget | null) {
  const transport = useTransport();
  const reviewId = target?.reviewId ?? '';
  const [decided, setDecided] = useState<ReadonlySet<string> | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (!reviewId) return;
    let current = true;
    void transport.invoke('suggestions.decided', { reviewId }).then((result) => {
      if (current) setDecided(new Set(result.ok ? result.value : []));
    });
    return () => {
      current = false;
    };
  }, [transport, reviewId]);

  const all = useMemo(() => (signals ? suggestionsOf(signals) : []), [signals]);
  const open = useMemo(() => (decided ? openSuggestions(all, decided) : []), [all, decided]);
  const selected = open.find((suggestion) => suggestion.key === selectedKey) ?? null;

  const decide = useCallback(
    async (suggestion: Suggestion, accept: boolean) => {
      if (!target || target.locked) return;
      const reference = {
        reviewId: target.reviewId,
        key: suggestion.key,
        kind: suggestion.kind,
        startMs: suggestion.startMs,
        endMs: suggestion.endMs,
      };
      let result;
      let moment: Moment | null = null;
      if (accept) {
        await target.flush();
        moment = momentFromSuggestion(suggestion, {
          id: crypto.randomUUID(),
          rubricItemIds: target.rubricItemIds,
          moments: target.moments,
          durationMs: target.durationMs,
        });
        result = await transport.invoke('suggestions.accept', { ...reference, moment });
      } else result = await transport.invoke('suggestions.dismiss', reference);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      setDecided((keys) => new Set([...(keys ?? []), suggestion.key]));
      // The next open suggestion stays selected, so A or X can go on through the list.
      const next = open[open.indexOf(suggestion) + 1] ?? null;
      setSelectedKey(next?.key ?? null);
      if (moment) target.onAccepted(moment, suggestion, result.value.savedAtMs);
      else target.onDismissed(suggestion, result.value.savedAtMs);
    },
    [target, transport, open],
  );

  /** The previous or next open suggestion from the selected one (or from `fromMs` when none is selected). */
  const step = useCallback(
    (direction: 1 | -1, fromMs: number): Suggestion | null => {
      if (open.length === 0) return null;
      const index = selected ? open.indexOf(selected) : -1;
      const next =
        index >= 0
          ? open[Math.min(open.length - 1, Math.max(0, index + direction))]
          : direction > 0
            ? (open.find((suggestion) => suggestion.startMs >= fromMs) ?? open.at(-1))
            : ([...open].reverse().find((suggestion) => suggestion.startMs < fromMs) ?? open[0]);
      setSelectedKey(next?.key ?? null);
      return next ?? null;
    },
    [open, selected],
  );

  return {
    open,
    selected,
    select: setSelectedKey,
    accept: (suggestion: Suggestion | null = selected) => (suggestion ? decide(suggestion, true) : Promise.resolve()),
    dismiss: (suggestion: Suggestion | null = selected) => (suggestion ? decide(suggestion, false) : Promise.resolve()),
    step,
    error,
  };
}

export type SuggestionsController = ReturnType<typeof useSuggestions>;
