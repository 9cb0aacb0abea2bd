import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { CallDetail } from '../../../contract/schemas';
import type { SpeakerRole } from '../../../domain/transcript/speaker-roles';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';

const roleChoices: readonly SpeakerRole[] = ['agent', 'customer', 'unknown'];

/**
 * Who is who in the transcript: the import guessed it (from channels, labels or who spoke first); the reviewer
 * corrects it here. A change is saved at once.
 */
export function SpeakerRolesForm({ detail, onSaved }: { detail: CallDetail; onSaved: (detail: CallDetail) => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [error, setError] = useState<AppError | null>(null);
  const formId = useId();
  const roles = detail.transcript?.speakerRoles ?? {};
  const keys = Object.keys(roles);
  if (keys.length === 0) return null;

  const speakerName = (key: string): string => {
    if (key.startsWith('channel:')) return t('speakers.channel', { number: Number(key.slice('channel:'.length)) + 1 });
    const label = key.slice('speaker:'.length);
    return label === '' ? t('speakers.unnamed') : label;
  };

  const change = async (key: string, role: SpeakerRole) => {
    const result = await transport.invoke('calls.setSpeakerRoles', { callId: detail.call.id, roles: { [key]: role } });
    if (result.ok) {
      setError(null);
      onSaved(result.value);
    } else setError(result.error);
  };

  return (
    <fieldset className="speaker-roles">
      <legend>{t('speakers.title')}</legend>
      <p className="muted">{t('speakers.hint')}</p>
      {keys.map((key) => (
        <div key={key} className="speaker-role">
          <label htmlFor={`${formId}-${key}`}>{speakerName(key)}</label>
          <select
            id={`${formId}-${key}`}
            value={roles[key]}
            onChange={(event) => void change(key, event.target.value as SpeakerRole)}
          >
            {roleChoices.map((role) => (
              <option key={role} value={role}>
                {t(`speakers.roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
      ))}
      {error && <ErrorPanel error={error} />}
    </fieldset>
  );
}
