import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';

/** Asked once: the reviewer's name, stamped (with a stable id) on every review made here. */
export function ReviewerProfileForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const [name, setName] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await transport.invoke('reviewer.set', { name });
    if (result.ok) onSaved();
    else setError(result.error);
  };
  return (
    <form className="profile-form" onSubmit={(event) => void save(event)} aria-labelledby="profile-title">
      <h2 id="profile-title">{t('review.profile.title')}</h2>
      <p className="muted">{t('review.profile.body')}</p>
      <label>
        {t('review.profile.name')}
        <input value={name} onChange={(event) => setName(event.target.value)} required maxLength={120} autoFocus />
      </label>
      <button type="submit" className="button primary" disabled={name.trim() === ''}>
        {t('review.profile.save')}
      </button>
      {error && <ErrorPanel error={error} />}
    </form>
  );
}
