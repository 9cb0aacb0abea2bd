import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewDetail } from '../../../contract/reviews';
import type { Locale } from '../../../domain/rubric/localized-text';
import { ErrorPanel } from '../shell/error-panel';
import { formatDateTime } from '../ui/format';
import { SubmitBlockers } from './submit-blockers';
import type { ReviewController } from './use-review';

/** Reopening a submitted review: the reason is asked for and required. */
function ReopenForm({
  controller,
  reason,
  setReason,
  onClose,
}: {
  controller: ReviewController;
  /** Kept by the caller: a cancelled reason is still there when the form opens again. */
  reason: string;
  setReason: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="reopen-form"
      onSubmit={(event) => {
        event.preventDefault();
        void controller.reopen(reason).then((done) => done && (onClose(), setReason('')));
      }}
    >
      <label>
        {t('review.reopenReason')}
        <textarea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          minLength={3}
          maxLength={2000}
          rows={2}
          autoFocus
        />
      </label>
      <button type="submit" className="button primary" disabled={reason.trim().length < 3}>
        {t('review.reopenConfirm')}
      </button>
      <button type="button" className="button" onClick={onClose}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

/** Submit (with what still blocks it) while the review is open; when submitted, who submitted when, and reopen. */
export function ReviewActions({
  controller,
  detail,
  locale,
  blockers,
}: {
  controller: ReviewController;
  detail: ReviewDetail;
  locale: Locale;
  blockers: { readonly unansweredItemIds: readonly string[]; readonly evidenceItemIds: readonly string[] };
}) {
  const { t } = useTranslation();
  const { review, rubric } = detail;
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const blocked = blockers.unansweredItemIds.length > 0 || blockers.evidenceItemIds.length > 0;
  return (
    <div className="review-actions">
      {review.status !== 'submitted' ? (
        <>
          <SubmitBlockers
            rubric={rubric}
            locale={locale}
            unansweredItemIds={blockers.unansweredItemIds}
            evidenceItemIds={blockers.evidenceItemIds}
          />
          <button
            type="button"
            className="button primary"
            disabled={blocked}
            aria-describedby={blocked ? 'submit-blockers' : undefined}
            onClick={() => void controller.submit()}
          >
            {t('review.submit')}
          </button>
        </>
      ) : (
        <>
          <p className="muted">
            {t('review.submitted', {
              time: review.submittedAtMs ? formatDateTime(review.submittedAtMs, locale) : '',
              name: review.reviewerName ?? '',
            })}
          </p>
          {!reopening ? (
            <button type="button" className="button" onClick={() => setReopening(true)}>
              {t('review.reopen')}
            </button>
          ) : (
            <ReopenForm
              controller={controller}
              reason={reason}
              setReason={setReason}
              onClose={() => setReopening(false)}
            />
          )}
        </>
      )}
      {controller.actionError && <ErrorPanel error={controller.actionError} />}
    </div>
  );
}
