import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './save-queue';

/** A calm "Saved" while all is well; a persistent failure with retry when not. */
export function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  if (status.state === 'failed') {
    return (
      <div className="save-indicator save-failed" role="alert" data-testid="save-status" data-state="failed">
        <strong>{t('review.save.failed')}</strong> <span>{t(`errors.${status.error.code}`)}</span>{' '}
        <span className="muted">{t('review.save.keptInMemory')}</span>
        <button type="button" className="button" onClick={onRetry}>
          {t('review.save.retry')}
        </button>
      </div>
    );
  }
  return (
    <span className="save-indicator" role="status" data-testid="save-status" data-state={status.state}>
      {status.state === 'saved' ? `✓ ${t('review.save.saved')}` : t(`review.save.${status.state}`)}
    </span>
  );
}
