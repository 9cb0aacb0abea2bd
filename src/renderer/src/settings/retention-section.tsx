import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../contract/errors';
import type { RetentionRules, RetentionRuleKind } from '../../../domain/retention/model';
import { retentionRuleKinds } from '../../../domain/retention/model';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useTransport } from '../transport/transport-context';
import { formatBytes } from '../ui/format-bytes';
import { useLocale } from '../ui/use-locale';
import { RetentionLogView } from './retention-log';
import { RetentionPreviewView } from './retention-preview';
import { parseDays, RetentionRuleFields, type RuleDraft } from './retention-rule-fields';

type Drafts = Record<RetentionRuleKind, RuleDraft>;

const draftsOf = (rules: RetentionRules): Drafts => ({
  routine: { basis: rules.routine.basis, daysText: String(rules.routine.days) },
  calibration: { basis: rules.calibration.basis, daysText: String(rules.calibration.days) },
});

/** The rules the drafts spell, or null while a number of days does not parse. A rule that is off keeps its days. */
function rulesOf(drafts: Drafts, saved: RetentionRules): RetentionRules | null {
  const rule = (kind: RetentionRuleKind) => {
    const days = parseDays(drafts[kind].daysText);
    if (days === null) return drafts[kind].basis === 'off' ? { basis: 'off' as const, days: saved[kind].days } : null;
    return { basis: drafts[kind].basis, days };
  };
  const routine = rule('routine');
  const calibration = rule('calibration');
  return routine && calibration ? { routine, calibration } : null;
}

type RunState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'confirming' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly removed: number; readonly freedBytes: number; readonly failedFiles: number }
  | { readonly kind: 'failed'; readonly error: AppError };

/** Settings → Retention: the two rules, a preview of what they remove and when, "Run now", and the removal log. */
export function RetentionSection() {
  const { t } = useTranslation();
  const saved = useBackendQuery('retention.get', {});
  return (
    <section className="retention-section" aria-labelledby="retention-title">
      <h2 className="section-title" id="retention-title">
        {t('retention.title')}
      </h2>
      <p className="muted retention-intro">{t('retention.intro')}</p>
      {saved.status === 'ok' ? (
        <RetentionEditor saved={saved.value} />
      ) : saved.status === 'error' ? (
        <p className="error-inline">{t(`errors.${saved.error.code}`)}</p>
      ) : (
        <p className="muted">…</p>
      )}
    </section>
  );
}

function RetentionEditor({ saved: initiallySaved }: { saved: RetentionRules }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const [saved, setSaved] = useState(initiallySaved);
  const [drafts, setDrafts] = useState(() => draftsOf(initiallySaved));
  const [saveState, setSaveState] = useState<'idle' | 'saved' | AppError>('idle');
  const [run, setRun] = useState<RunState>({ kind: 'idle' });
  const rules = rulesOf(drafts, saved);
  const dirty = rules === null || JSON.stringify(rules) !== JSON.stringify(saved);
  const preview = useBackendQuery('retention.preview', { rules: rules ?? saved }, ['calls.changed']);
  const log = useBackendQuery('retention.log', { limit: 50 }, ['calls.changed']);
  const dueNow = preview.status === 'ok' ? preview.value.dueNowCount : 0;

  const change = (kind: RetentionRuleKind, draft: RuleDraft) => {
    setDrafts((current) => ({ ...current, [kind]: draft }));
    setSaveState('idle');
    setRun({ kind: 'idle' });
  };
  const save = async () => {
    if (!rules) return;
    const result = await transport.invoke('retention.set', rules);
    if (!result.ok) return setSaveState(result.error);
    setSaved(result.value);
    setDrafts(draftsOf(result.value));
    setSaveState('saved');
  };
  const apply = async () => {
    setRun({ kind: 'running' });
    const result = await transport.invoke('retention.apply', {});
    if (!result.ok) return setRun({ kind: 'failed', error: result.error });
    const { removedCount, freedBytes, failedFiles } = result.value;
    setRun({ kind: 'done', removed: removedCount, freedBytes, failedFiles });
    preview.reload();
    log.reload();
  };

  return (
    <>
      <div className="retention-rules">
        {retentionRuleKinds.map((kind) => (
          <RetentionRuleFields key={kind} kind={kind} draft={drafts[kind]} onChange={(draft) => change(kind, draft)} />
        ))}
      </div>
      <p className="muted hint">{t('retention.hint')}</p>
      <div className="retention-actions">
        <button
          type="button"
          className="button primary"
          disabled={!dirty || rules === null}
          onClick={() => void save()}
        >
          {t('retention.save')}
        </button>
        <span role="status">
          {saveState === 'saved' ? t('retention.saved') : dirty && rules !== null ? t('retention.unsaved') : ''}
        </span>
        {typeof saveState === 'object' && <span className="error-inline">{t(`errors.${saveState.code}`)}</span>}
      </div>

      <h3 className="retention-subtitle">{t('retention.previewTitle')}</h3>
      {preview.status === 'ok' ? (
        <RetentionPreviewView preview={preview.value} />
      ) : (
        <p className="muted">
          {preview.status === 'error' ? t(`errors.${preview.error.code}`) : t('retention.previewLoading')}
        </p>
      )}
      <RunNow
        run={run}
        dueNow={dueNow}
        dirty={dirty}
        onAsk={() => setRun({ kind: 'confirming' })}
        onCancel={() => setRun({ kind: 'idle' })}
        onConfirm={() => void apply()}
        freed={(bytes) => formatBytes(bytes, locale)}
      />

      <h3 className="retention-subtitle">{t('retention.logTitle')}</h3>
      <p className="muted hint">{t('retention.logHint')}</p>
      {log.status === 'ok' ? <RetentionLogView log={log.value} /> : <p className="muted">…</p>}
    </>
  );
}

/** "Run now", asked for once more with what it removes; then what it did. */
function RunNow({
  run,
  dueNow,
  dirty,
  onAsk,
  onCancel,
  onConfirm,
  freed,
}: {
  run: RunState;
  dueNow: number;
  dirty: boolean;
  onAsk: () => void;
  onCancel: () => void;
  onConfirm: () => void;
  freed: (bytes: number) => string;
}) {
  const { t } = useTranslation();
  if (run.kind === 'confirming')
    return (
      <div
        className="notice notice-warning retention-confirm"
        role="alertdialog"
        aria-labelledby="retention-confirm-text"
      >
        <p id="retention-confirm-text">{t('retention.confirm', { count: dueNow })}</p>
        <div className="retention-actions">
          <button type="button" className="button danger" onClick={onConfirm}>
            {t('retention.confirmRemove')}
          </button>
          <button type="button" className="button" onClick={onCancel} autoFocus>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  return (
    <div className="retention-actions">
      <button
        type="button"
        className="button"
        disabled={dirty || dueNow === 0 || run.kind === 'running'}
        aria-describedby={dirty ? 'retention-run-hint' : undefined}
        onClick={onAsk}
      >
        {t('retention.runNow')}
      </button>
      <span role="status" id="retention-run-hint">
        {dirty && t('retention.runNeedsSave')}
        {run.kind === 'done' &&
          (run.removed === 0
            ? t('retention.ranNothing')
            : t('retention.ran', { count: run.removed, size: freed(run.freedBytes) }))}
        {run.kind === 'done' && run.failedFiles > 0 && ` ${t('retention.failedFiles')}`}
      </span>
      {run.kind === 'failed' && <span className="error-inline">{t(`errors.${run.error.code}`)}</span>}
    </div>
  );
}
