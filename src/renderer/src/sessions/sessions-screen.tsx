import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import { packageProblemCodes, type PackageImportResult, type PackageProblemCode } from '../../../contract/packages';
import type { SessionSummary } from '../../../contract/sessions';
import { useBackendQuery } from '../hooks/use-backend-query';
import { ErrorPanel } from '../shell/error-panel';
import { NewSessionForm } from './new-session-form';
import { SessionDetail } from './session-detail';
import { usePackageImport } from './use-package-import';

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

type PackageImport = ReturnType<typeof usePackageImport>;

/** "Import package…" and the hidden file field a browser uses instead of the desktop app's open dialog. */
function PackageImportControls({
  fileInputRef,
  onChoose,
  onFile,
}: {
  fileInputRef: React.RefObject<HTMLInputElement | null>;
  onChoose: () => void;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button type="button" className="button" onClick={onChoose}>
        {t('sessions.importPackage')}
      </button>
      <input
        ref={fileInputRef}
        type="file"
        hidden
        data-testid="package-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

/** What the last package import brought in, or why it was refused. */
function PackageImportMessages({ imported, error }: Pick<PackageImport, 'imported' | 'error'>) {
  const { t } = useTranslation();
  return (
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
}

function SessionList({
  sessions,
  onOpenSession,
}: {
  sessions: readonly SessionSummary[];
  onOpenSession: (sessionId: string) => void;
}) {
  const { t } = useTranslation();
  if (sessions.length === 0) return <p className="muted">{t('sessions.none')}</p>;
  return (
    <ul className="session-list" data-testid="session-list">
      {sessions.map((session) => (
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
  const sessions = useBackendQuery('sessions.list', {}, ['calls.changed']);
  const [creating, setCreating] = useState(false);
  const packages = usePackageImport(() => sessions.reload());
  const { imported } = packages;
  const { fileInputRef } = packages;
  const messages = <PackageImportMessages imported={imported} error={packages.error} />;
  const importControls = (
    <PackageImportControls
      fileInputRef={fileInputRef}
      onChoose={() => void packages.choosePackage()}
      onFile={(file) => void packages.importPackage(file)}
    />
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
      {sessions.status === 'ok' && <SessionList sessions={sessions.value} onOpenSession={onOpenSession} />}
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
