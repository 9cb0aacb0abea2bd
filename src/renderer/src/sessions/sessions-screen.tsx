import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { ImportSource } from '../../../contract/imports';
import { packageProblemCodes, type PackageImportResult, type PackageProblemCode } from '../../../contract/packages';
import { useBackendQuery } from '../hooks/use-backend-query';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';
import { NewSessionForm } from './new-session-form';
import { SessionDetail } from './session-detail';

/** A refused package: the general message and the package's own reason. */
export function PackageError({ error }: { error: AppError }) {
  const { t } = useTranslation();
  const reported = error.details?.packageCode;
  const code = packageProblemCodes.find((known): known is PackageProblemCode => known === reported) ?? null;
  return (
    <div className="error-panel" role="alert">
      <strong>{t(`errors.${error.code}`)}</strong> {code && <span>{t(`packages.errors.${code}`)}</span>}
    </div>
  );
}

/** Calibration sessions: the list, a new one, importing packages, and one session in detail. */
export function SessionsScreen({
  sessionId,
  onOpenSession,
  onReview,
}: {
  sessionId: string | null;
  onOpenSession: (sessionId: string) => void;
  onReview: (callId: string, sessionId: string) => void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const sessions = useBackendQuery('sessions.list', {}, ['calls.changed']);
  const fileInput = useRef<HTMLInputElement>(null);
  const [creating, setCreating] = useState(false);
  const [imported, setImported] = useState<PackageImportResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const importSource = async (source: ImportSource) => {
    const result = await transport.invoke('packages.import', { source });
    if (result.ok) {
      setError(null);
      setImported(result.value);
      sessions.reload();
    } else setError(result.error);
  };
  const importPackage = async (file: File) => {
    setImported(null);
    const staged = await transport.stageFile(file);
    if (!staged.ok) return setError(staged.error);
    await importSource(staged.value);
  };
  // The desktop app asks the main process's open dialog; a browser uses the page's file input.
  const choosePackage = async () => {
    if (!transport.chooseFiles) return fileInput.current?.click();
    setImported(null);
    const chosen = await transport.chooseFiles('package');
    if (!chosen.ok) return setError(chosen.error);
    const [source] = chosen.value;
    if (source) await importSource(source);
  };

  const importControls = (
    <>
      <button type="button" className="button" onClick={() => void choosePackage()}>
        {t('sessions.importPackage')}
      </button>
      <input
        ref={fileInput}
        type="file"
        hidden
        data-testid="package-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importPackage(file);
        }}
      />
    </>
  );
  const messages = (
    <>
      {imported && (
        <p role="status" className="notice">
          {imported.alreadyPresent
            ? t('sessions.imported.same')
            : imported.kind === 'session'
              ? t('sessions.imported.session', { name: imported.sessionName, calls: imported.callsAdded })
              : imported.kind === 'team-invitation'
                ? t('teamExchange.importedInvitation', { name: imported.sessionName })
                : t('sessions.imported.reviews', {
                    name: imported.sessionName,
                    added: imported.reviewsAdded,
                    revised: imported.reviewsRevised,
                  })}
        </p>
      )}
      {error && (error.code === 'package_refused' ? <PackageError error={error} /> : <ErrorPanel error={error} />)}
    </>
  );

  if (sessionId) {
    return (
      <section className="screen" aria-labelledby="session-title">
        <header className="screen-header">
          <button type="button" className="button" onClick={() => onOpenSession('')}>
            ← {t('sessions.back')}
          </button>
          {importControls}
        </header>
        {messages}
        <SessionDetail sessionId={sessionId} onReview={onReview} />
      </section>
    );
  }

  return (
    <section className="screen" aria-labelledby="sessions-title">
      <header className="screen-header">
        <h1 id="sessions-title">{t('sessions.title')}</h1>
        <button
          type="button"
          className="button primary"
          onClick={() => setCreating((value) => !value)}
          aria-expanded={creating}
        >
          {t('sessions.new')}
        </button>
        {importControls}
      </header>
      <p className="muted">{t('sessions.intro')}</p>
      {messages}
      {imported?.kind === 'session' && (
        <RecipientNotice result={imported} onOpen={() => onOpenSession(imported.sessionId)} />
      )}
      {creating && <NewSessionForm onCreated={(id) => onOpenSession(id)} />}
      {sessions.status === 'ok' &&
        (sessions.value.length === 0 ? (
          <p className="muted">{t('sessions.none')}</p>
        ) : (
          <ul className="session-list" data-testid="session-list">
            {sessions.value.map((session) => (
              <li key={session.id}>
                <button type="button" className="link-button" onClick={() => onOpenSession(session.id)}>
                  {session.name}
                </button>
                <span className="muted">
                  {' '}
                  · {session.rubricName} v{session.rubricVersion} ·{' '}
                  {session.blind ? t('sessions.blind') : t('sessions.open_')} ·{' '}
                  {t('sessions.progress', { submitted: session.submitted, expected: session.expected })}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** After importing a session package: whom it was made for (this computer's user in the session from now on). */
function RecipientNotice({ result, onOpen }: { result: PackageImportResult; onOpen: () => void }) {
  const { t } = useTranslation();
  if (!result.recipient) return null;
  return (
    <p className="notice join-form">
      {t('sessions.importedFor', { name: result.recipient.name })}{' '}
      <button type="button" className="button primary" onClick={onOpen}>
        {t('sessions.openSession')}
      </button>
    </p>
  );
}
