import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamReport } from '../../../contract/team';
import { ErrorPanel } from '../shell/error-panel';
import { useExportDownload } from '../sessions/use-export-download';
import { useTransport } from '../transport/transport-context';
import { useLocale } from '../ui/use-locale';

export interface TeamReportRequest {
  readonly fromMs: number;
  readonly toMs: number;
  readonly granularity: 'week' | 'month';
  readonly gap: number;
  readonly minReviews: number;
  readonly severityAdjusted: boolean;
}

/**
 * The team report as XLSX or PDF and one agent's coaching sheet (PDF), in the UI's language, delivered as the other
 * exports are: the save dialog on the desktop, a download in a browser.
 */
export function TeamExports({ request, report }: { request: TeamReportRequest; report: TeamReport }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const locale = useLocale();
  const { run, error } = useExportDownload();
  const [agent, setAgent] = useState('');
  const [busy, setBusy] = useState(false);
  const chosen = report.agents.some((entry) => entry.agentName === agent) ? agent : (report.agents[0]?.agentName ?? '');
  const exporting = (work: Promise<void>) => {
    setBusy(true);
    void work.finally(() => setBusy(false));
  };
  return (
    <div className="team-exports" role="group" aria-label={t('teamTools.exportTitle')}>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          exporting(run(transport.invoke('exports.teamReport', { ...request, format: 'xlsx', language: locale })))
        }
      >
        {t('teamTools.exportXlsx')}
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          exporting(run(transport.invoke('exports.teamReport', { ...request, format: 'pdf', language: locale })))
        }
      >
        {t('teamTools.exportPdf')}
      </button>
      {report.agents.length > 0 && (
        <>
          <label>
            {t('teamTools.coachingAgent')}
            <select value={chosen} onChange={(event) => setAgent(event.target.value)}>
              {report.agents.map((entry) => (
                <option key={entry.agentName} value={entry.agentName}>
                  {entry.agentName}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              exporting(
                run(transport.invoke('exports.coachingSheet', { ...request, agentName: chosen, language: locale })),
              )
            }
          >
            {t('teamTools.exportCoaching')}
          </button>
        </>
      )}
      {error && <ErrorPanel error={error} />}
    </div>
  );
}
