import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { RubricVersionSummary } from '../../../contract/reviews';
import { localize, type Locale } from '../../../domain/rubric/localized-text';
import type { Rubric } from '../../../domain/rubric/model';
import { useTransport } from '../transport/transport-context';
import { downloadText } from './download-text';

type Outcome = { ok: boolean; error?: AppError };

const refOf = (row: Pick<RubricVersionSummary, 'id' | 'version'>) => ({ id: row.id, version: row.version });

/** A button in a rubric row's actions. */
function RowAction({ label, primary = false, onClick }: { label: string; primary?: boolean; onClick: () => void }) {
  return (
    <button type="button" className={primary ? 'button primary' : 'button'} onClick={onClick}>
      {label}
    </button>
  );
}

/** What the rubrics screen does for a row's actions. */
export interface RubricRowActions {
  /** Runs an action, then shows its error or reloads the list. */
  readonly run: (action: () => Promise<Outcome>) => Promise<void>;
  /** A new version or a copy: opened in the editor once the backend made it. */
  readonly editResult: <Result extends { ok: true; value: Rubric } | { ok: false; error: AppError }>(
    pending: Promise<Result>,
  ) => Promise<Result>;
  /** Opens a draft in the editor. */
  readonly openEditor: (row: Pick<RubricVersionSummary, 'id' | 'version'>) => Promise<void>;
}

/** A draft's actions (edit, publish, delete) or a published version's (new version, use for new reviews). */
function VersionActions({ row, actions }: { row: RubricVersionSummary; actions: RubricRowActions }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const { run, editResult } = actions;
  return row.status === 'draft' ? (
    <>
      <RowAction label={t('rubrics.edit')} onClick={() => void actions.openEditor(row)} />
      <RowAction
        primary
        label={t('rubrics.publish')}
        onClick={() => void run(() => transport.invoke('rubrics.publish', refOf(row)))}
      />
      <RowAction
        label={t('rubrics.deleteDraft')}
        onClick={() => void run(() => transport.invoke('rubrics.deleteDraft', refOf(row)))}
      />
    </>
  ) : (
    <>
      <RowAction
        label={t('rubrics.newVersion')}
        onClick={() => void run(() => editResult(transport.invoke('rubrics.newVersion', refOf(row))))}
      />
      {!row.usedForNewReviews && (
        <RowAction
          label={t('rubrics.use')}
          onClick={() => void run(() => transport.invoke('rubrics.useForNewReviews', { id: row.id }))}
        />
      )}
    </>
  );
}

/** One rubric version: name, version, status, items, reviews, and what can be done with it. */
export function RubricRow({
  row,
  locale,
  actions,
}: {
  row: RubricVersionSummary;
  locale: Locale;
  actions: RubricRowActions;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const { run, editResult } = actions;
  return (
    <tr data-rubric={`${row.id}@${row.version}`}>
      <td>
        {localize(row.name, locale)} {row.builtIn && <span className="muted">({t('rubrics.builtIn')})</span>}
        {row.usedForNewReviews && (
          <div>
            <span className="badge badge-submitted">{t('rubrics.inUse')}</span>
          </div>
        )}
      </td>
      <td>v{row.version}</td>
      <td>
        <span className={`status-pill status-${row.status === 'draft' ? 'draft' : 'submitted'}`}>
          {t(`rubrics.status.${row.status}`)}
        </span>
      </td>
      <td>{row.itemCount}</td>
      <td>{row.reviewCount}</td>
      <td className="row-actions">
        <VersionActions row={row} actions={actions} />
        <RowAction
          label={t('rubrics.copy')}
          onClick={() => void run(() => editResult(transport.invoke('rubrics.copy', refOf(row))))}
        />
        <RowAction
          label={t('rubrics.export')}
          onClick={() =>
            void run(async () => {
              const result = await transport.invoke('rubrics.export', refOf(row));
              if (result.ok) downloadText(result.value.fileName, result.value.text);
              return result;
            })
          }
        />
      </td>
    </tr>
  );
}
