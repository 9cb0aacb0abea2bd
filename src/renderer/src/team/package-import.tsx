import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../contract/errors';
import type { ImportSource } from '../../../contract/imports';
import type { PackageImportResult } from '../../../contract/packages';
import { PackageError } from '../sessions/sessions-screen';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';

type Outcome = Result<PackageImportResult>;

/** What one imported package did, in the words of the team screens. */
function OutcomeLine({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (!outcome.ok)
    return outcome.error.code === 'package_refused' ? (
      <PackageError error={outcome.error} />
    ) : (
      <ErrorPanel error={outcome.error} />
    );
  const result = outcome.value;
  return (
    <p role="status" className="notice">
      {result.alreadyPresent && result.kind !== 'team-invitation'
        ? t('teamExchange.importedSame')
        : result.kind === 'team-invitation'
          ? t('teamExchange.importedInvitation', { name: result.sessionName })
          : t('teamExchange.importedReviews', {
              name: result.sessionName,
              added: result.reviewsAdded,
              revised: result.reviewsRevised,
              calls: result.callsAdded,
            })}
    </p>
  );
}

/**
 * A button that imports packages (several at once) through `packages.import`, as the Sessions screen does: the
 * desktop app's open dialog, or the page's file input in a browser. Each package's outcome is listed.
 */
export function PackageImportButton({
  label,
  testId,
  onImported,
}: {
  label: string;
  testId: string;
  onImported?: () => void;
}) {
  const transport = useTransport();
  const fileInput = useRef<HTMLInputElement>(null);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);

  const importSources = async (sources: readonly (() => Promise<Result<ImportSource>>)[]) => {
    const done: Outcome[] = [];
    setOutcomes([]);
    for (const next of sources) {
      const source = await next();
      done.push(source.ok ? await transport.invoke('packages.import', { source: source.value }) : source);
      setOutcomes([...done]);
    }
    onImported?.();
  };
  const choose = async () => {
    if (!transport.chooseFiles) return fileInput.current?.click();
    const chosen = await transport.chooseFiles('package');
    if (!chosen.ok) return setOutcomes([chosen]);
    await importSources(chosen.value.map((source) => () => Promise.resolve({ ok: true as const, value: source })));
  };

  return (
    <div className="team-package-import">
      <button type="button" className="button" onClick={() => void choose()}>
        {label}
      </button>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        data-testid={testId}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          // One at a time, in order: each is staged just before it is imported.
          void importSources(files.map((file) => () => transport.stageFile(file)));
        }}
      />
      <div aria-live="polite">
        {outcomes.map((outcome, index) => (
          <OutcomeLine key={index} outcome={outcome} />
        ))}
      </div>
    </div>
  );
}
