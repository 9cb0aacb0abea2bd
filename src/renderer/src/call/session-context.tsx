import { useTranslation } from 'react-i18next';
import { useBackendQuery } from '../hooks/use-backend-query';

/** The session's name once loaded; null until then (or if it is gone). */
function useSessionName(sessionId: string): string | null {
  const session = useBackendQuery('sessions.get', { sessionId });
  return session.status === 'ok' ? session.value.name : null;
}

function SessionBackButton({ sessionId, onBack }: { sessionId: string; onBack: () => void }) {
  const { t } = useTranslation();
  const name = useSessionName(sessionId);
  return (
    <button type="button" className="button" onClick={onBack}>
      ← {name === null ? t('call.session.backUnnamed') : t('call.session.back', { name })}
    </button>
  );
}

/** Back to where the call was opened from: the calibration session it is reviewed in, or the library. */
export function CallBackButton({ sessionId, onBack }: { sessionId: string | null; onBack: () => void }) {
  const { t } = useTranslation();
  if (sessionId !== null) return <SessionBackButton sessionId={sessionId} onBack={onBack} />;
  return (
    <button type="button" className="button" onClick={onBack}>
      ← {t('nav.calls')}
    </button>
  );
}

/** Says which calibration session this review belongs to, so it is never mistaken for a routine review. */
export function SessionContextLabel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const name = useSessionName(sessionId);
  return (
    <p className="session-context" data-testid="review-session">
      {name === null ? t('call.session.labelUnnamed') : t('call.session.label', { name })}
    </p>
  );
}
