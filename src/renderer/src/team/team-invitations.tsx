import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useExportDownload } from '../sessions/use-export-download';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';
import { PackageImportButton } from './package-import';

/** The lead's side of routine reviews travelling offline: an invitation per reviewer, and importing their packages. */
export function TeamInvitations() {
  const { t } = useTranslation();
  const transport = useTransport();
  const exchange = useBackendQuery('team.exchange', {});
  const [name, setName] = useState('');
  const { run, error } = useExportDownload();
  const members = exchange.status === 'ok' ? exchange.value.members : [];

  return (
    <section className="team-exchange" aria-labelledby="team-exchange-title">
      <h2 id="team-exchange-title">{t('teamExchange.title')}</h2>
      <p className="muted">{t('teamExchange.intro')}</p>
      <form
        className="review-filters"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          void run(transport.invoke('team.invite', { reviewerName: name.trim() })).then(() => exchange.reload());
        }}
      >
        <label>
          {t('teamExchange.reviewerName')}
          <input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!name.trim()}>
          {t('teamExchange.invite')}
        </button>
      </form>
      {members.length > 0 && (
        <p className="muted" data-testid="team-members">
          {t('teamExchange.invited', { names: members.map((member) => member.name).join(', ') })}
        </p>
      )}
      {error && <ErrorPanel error={error} />}
      <PackageImportButton label={t('teamExchange.importReviews')} testId="team-package-input" />
    </section>
  );
}
