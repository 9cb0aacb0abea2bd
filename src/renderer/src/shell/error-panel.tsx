import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';

/** Shows a failed request in the user's language, with a retry. */
export function ErrorPanel({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-panel" role="alert">
      <strong>{t('errors.title')}</strong>
      <p>{t(`errors.${error.code}`)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
