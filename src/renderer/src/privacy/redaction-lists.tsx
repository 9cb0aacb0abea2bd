import { useTranslation } from 'react-i18next';
import type { CallRedactions } from '../../../contract/redactions';
import { formatDuration } from '../../../domain/duration';
import type { Redaction } from '../../../domain/privacy/redaction';
import { formatDateTime } from '../ui/format';
import { useLocale } from '../ui/use-locale';

export type Decision = 'redactions.accept' | 'redactions.dismiss';

/** One redaction: its range, kind and reason, whether the app made it and whether it is applied, then its actions. */
function RedactionRow({
  redaction,
  automatic,
  children,
}: {
  redaction: Redaction;
  automatic: boolean;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <li data-testid="redaction" data-kind={redaction.kind} data-status={redaction.status}>
      <span className="redaction-time">
        {t('redaction.range', { from: formatDuration(redaction.startMs), to: formatDuration(redaction.endMs) })}
      </span>{' '}
      <strong>{t(`redaction.kinds.${redaction.kind}`)}</strong>
      {redaction.reason && <span className="muted"> · “{redaction.reason}”</span>}
      {redaction.status === 'accepted' && automatic && <span className="muted"> · {t('redaction.auto')}</span>}
      {redaction.appliedAtMs !== null && (
        <span className="muted" data-testid="redaction-applied">
          {' '}
          · {t('redaction.permanent.applied')}
        </span>
      )}{' '}
      {children}
    </li>
  );
}

/** The scan's suggestions to redact or dismiss, then what is redacted (undoable until applied permanently). */
export function RedactionLists({
  data,
  decide,
}: {
  data: CallRedactions;
  decide: (method: Decision, redactionId: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const suggested = data.redactions.filter((redaction) => redaction.status === 'suggested');
  const accepted = data.redactions.filter((redaction) => redaction.status === 'accepted');
  const automatic = new Set(
    data.audit.filter((entry) => entry.action === 'auto_applied').map((entry) => entry.redactionId),
  );
  return (
    <>
      <h3>{t('redaction.suggestions')}</h3>
      {suggested.length === 0 ? (
        <p className="muted">{t('redaction.noSuggestions')}</p>
      ) : (
        <ul className="redaction-list">
          {suggested.map((redaction) => (
            <RedactionRow key={redaction.id} redaction={redaction} automatic={automatic.has(redaction.id)}>
              <button
                type="button"
                className="button primary"
                onClick={() => void decide('redactions.accept', redaction.id)}
              >
                {t('redaction.accept')}
              </button>{' '}
              <button type="button" className="button" onClick={() => void decide('redactions.dismiss', redaction.id)}>
                {t('redaction.dismiss')}
              </button>
            </RedactionRow>
          ))}
        </ul>
      )}
      <h3>{t('redaction.redacted')}</h3>
      {accepted.length === 0 ? (
        <p className="muted">{t('redaction.noneRedacted')}</p>
      ) : (
        <ul className="redaction-list">
          {accepted.map((redaction) => (
            <RedactionRow key={redaction.id} redaction={redaction} automatic={automatic.has(redaction.id)}>
              {redaction.appliedAtMs === null && (
                <button
                  type="button"
                  className="button"
                  onClick={() => void decide('redactions.dismiss', redaction.id)}
                >
                  {t('redaction.undo')}
                </button>
              )}
            </RedactionRow>
          ))}
        </ul>
      )}
    </>
  );
}

/** Who did what to the call's redactions, when and why. */
export function RedactionAudit({ audit }: { audit: CallRedactions['audit'] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (audit.length === 0) return null;
  return (
    <details className="audit-trail">
      <summary>{t('redaction.audit')}</summary>
      <ol data-testid="redaction-audit">
        {audit.map((entry, index) => (
          <li key={index} data-action={entry.action}>
            {t('redaction.auditEntry', {
              action: t(`redaction.actions.${entry.action}`),
              who: entry.actorName || t('redaction.app'),
              time: formatDateTime(entry.atMs, locale),
            })}
            {' · '}
            {t(`redaction.kinds.${entry.kind}`)}{' '}
            {t('redaction.range', { from: formatDuration(entry.startMs), to: formatDuration(entry.endMs) })}
            {entry.reason && <p className="audit-reason">“{entry.reason}”</p>}
          </li>
        ))}
      </ol>
    </details>
  );
}
