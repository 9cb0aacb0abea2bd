import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { RubricVersionSummary } from '../../../contract/reviews';
import type { Locale } from '../../../domain/rubric/localized-text';
import type { Rubric } from '../../../domain/rubric/model';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useLocale } from '../ui/use-locale';
import { useTransport } from '../transport/transport-context';
import { RubricEditor } from './rubric-editor';
import { RubricRow, type RubricRowActions } from './rubric-row';

/** "Import…" and the hidden file field it opens. */
function ImportRubricButton({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="button" onClick={() => fileInput.current?.click()}>
        {t('rubrics.import')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="rubric-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}

function RubricTable({
  rows,
  locale,
  actions,
}: {
  rows: readonly RubricVersionSummary[];
  locale: Locale;
  actions: RubricRowActions;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="review-table" data-testid="rubric-table">
        <thead>
          <tr>
            {(['name', 'version', 'status', 'items', 'reviews', 'actions'] as const).map((column) => (
              <th key={column} scope="col">
                {t(`rubrics.columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <RubricRow key={`${row.id}@${row.version}`} row={row} locale={locale} actions={actions} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rubric versions: which one new reviews use, copies, new versions, publishing, import and export. */
export function RubricsScreen() {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const list = useBackendQuery('rubrics.list', {});
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [editing, setEditing] = useState<Rubric | null>(null);

  const run = async (action: () => Promise<{ ok: boolean; error?: AppError }>, done?: string) => {
    setMessage(null);
    const result = await action();
    if (result.ok) {
      setError(null);
      if (done) setMessage(done);
      list.reload();
    } else setError(result.error ?? null);
  };

  /** A new version or a copy opens in the editor once the backend made it. */
  const editResult = async <Result extends { ok: true; value: Rubric } | { ok: false; error: AppError }>(
    pending: Promise<Result>,
  ): Promise<Result> => {
    const result = await pending;
    if (result.ok) setEditing(result.value);
    return result;
  };

  const openEditor = async (row: Pick<RubricVersionSummary, 'id' | 'version'>) => {
    const result = await transport.invoke('rubrics.get', { id: row.id, version: row.version });
    if (result.ok) setEditing(result.value.rubric);
    else setError(result.error);
  };

  const rowActions: RubricRowActions = { run, editResult, openEditor };

  const importFile = async (file: File) => {
    setMessage(null);
    const result = await transport.invoke('rubrics.import', { text: await file.text() });
    if (result.ok) {
      setError(null);
      setMessage(
        t(result.value.alreadyPresent ? 'rubrics.alreadyPresent' : 'rubrics.imported', {
          id: result.value.id,
          version: result.value.version,
        }),
      );
      list.reload();
    } else setError(result.error);
  };

  return (
    <section className="screen" aria-labelledby="rubrics-title">
      <header className="screen-header">
        <h1 id="rubrics-title">{t('rubrics.title')}</h1>
        <ImportRubricButton onFile={(file) => void importFile(file)} />
      </header>
      <p className="muted">{t('rubrics.intro')}</p>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {error && <RubricError error={error} />}
      {list.status === 'ok' && <RubricTable rows={list.value} locale={locale} actions={rowActions} />}
      {editing && (
        <RubricEditor
          key={`${editing.id}@${editing.version}`}
          initial={editing}
          onClose={() => {
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </section>
  );
}

/** `sections[0].items[2].title.nl` from either a path string or the contract's list of keys (without "rubric."). */
function issuePath(path: string | readonly string[]): string {
  if (typeof path === 'string') return path;
  const keys = path[0] === 'rubric' ? path.slice(1) : path;
  return keys.reduce((text, key) => (/^\d+$/.test(key) ? `${text}[${key}]` : text ? `${text}.${key}` : key), '');
}

/** A refused save or file, with the problems it named. */
export function RubricError({ error }: { error: AppError }) {
  const { t } = useTranslation();
  const problems = (error.details?.problems ?? error.details?.issues) as
    { path: string | string[]; message: string }[] | undefined;
  return (
    <div className="error-panel" role="alert">
      <strong>{t(`errors.${error.code}`)}</strong>
      {problems && problems.length > 0 && (
        <ul className="problem-list">
          {problems.map((problem, index) => (
            <li key={index}>
              <code>{issuePath(problem.path) || '—'}</code> {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
