import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamAudioChoice, TeamExchange } from '../../../contract/team-packages';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useExportDownload } from '../sessions/use-export-download';
import { ErrorPanel } from '../shell/error-panel';
import { useTransport } from '../transport/transport-context';
import { DateField } from '../ui/date-field';
import { formatDateTime } from '../ui/calendar-date';
import { useLocale } from '../ui/use-locale';
import { PackageImportButton } from './package-import';

type Lead = TeamExchange['leads'][number];
type Selection = 'since' | 'period';
type Period = { from: string; to: string };

/** The period as times: from the start of its first day to the end of its last (either end may be open). */
function periodRange(period: Period): { fromMs?: number; toMs?: number } {
  return {
    ...(period.from ? { fromMs: new Date(`${period.from}T00:00:00`).getTime() } : {}),
    ...(period.to ? { toMs: new Date(`${period.to}T23:59:59.999`).getTime() } : {}),
  };
}

function LeadSelect({
  leads,
  lead,
  onChange,
}: {
  leads: readonly Lead[];
  lead: Lead;
  onChange: (teamId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {t('teamExchange.lead')}
      <select value={lead.teamId} onChange={(event) => onChange(event.target.value)}>
        {leads.map((entry) => (
          <option key={entry.teamId} value={entry.teamId}>
            {entry.leadName}
          </option>
        ))}
      </select>
    </label>
  );
}

function AudioSelect({ audio, onChange }: { audio: TeamAudioChoice; onChange: (audio: TeamAudioChoice) => void }) {
  const { t } = useTranslation();
  return (
    <label>
      {t('teamExchange.audio')}
      <select value={audio} onChange={(event) => onChange(event.target.value as TeamAudioChoice)}>
        <option value="clips">{t('teamExchange.audioClips')}</option>
        <option value="whole">{t('teamExchange.audioWhole')}</option>
      </select>
    </label>
  );
}

/** Which reviews: those changed since the last export to the lead, or those in a period (with its dates). */
function SelectionFields({
  selection,
  onSelection,
  period,
  onPeriod,
}: {
  selection: Selection;
  onSelection: (selection: Selection) => void;
  period: Period;
  onPeriod: (change: (period: Period) => Period) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t('teamExchange.selection')}
        <select value={selection} onChange={(event) => onSelection(event.target.value as Selection)}>
          <option value="since">{t('teamExchange.sinceLast')}</option>
          <option value="period">{t('teamExchange.period')}</option>
        </select>
      </label>
      {selection === 'period' && (
        <>
          <DateField
            label={t('teamExchange.from')}
            value={period.from}
            onChange={(from) => onPeriod((p) => ({ ...p, from }))}
          />
          <DateField
            label={t('teamExchange.to')}
            value={period.to}
            onChange={(to) => onPeriod((p) => ({ ...p, to }))}
          />
        </>
      )}
    </>
  );
}

/**
 * A reviewer's "Export my reviews": submitted routine reviews for a lead whose invitation this computer accepted,
 * changed since the last export to that lead or in a period, with whole recordings or only the evidence clips.
 */
export function ExportMyReviews() {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const exchange = useBackendQuery('team.exchange', {});
  const [chosenLead, setChosenLead] = useState('');
  const [audio, setAudio] = useState<TeamAudioChoice>('clips');
  const [selection, setSelection] = useState<Selection>('since');
  const [period, setPeriod] = useState({ from: '', to: '' });
  const [count, setCount] = useState<number | null>(null);
  const { run, error } = useExportDownload();
  const leads = exchange.status === 'ok' ? exchange.value.leads : [];
  const lead = leads.find((entry) => entry.teamId === chosenLead) ?? leads[0];

  const exportReviews = () => {
    if (!lead) return;
    const range = selection === 'period' ? periodRange(period) : {};
    setCount(null);
    const exporting = transport.invoke('team.exportReviews', { teamId: lead.teamId, audio, ...range });
    void run(
      exporting.then((result) => {
        if (result.ok) setCount(result.value.reviewCount);
        return result;
      }),
    ).then(() => exchange.reload());
  };

  return (
    <section className="team-exchange" aria-labelledby="export-my-reviews-title">
      <h2 id="export-my-reviews-title">{t('teamExchange.exportTitle')}</h2>
      <p className="muted">{t('teamExchange.exportIntro')}</p>
      {leads.length === 0 && <p className="muted">{t('teamExchange.noLeads')}</p>}
      {lead && (
        <div className="review-filters">
          <LeadSelect leads={leads} lead={lead} onChange={setChosenLead} />
          <AudioSelect audio={audio} onChange={setAudio} />
          <SelectionFields selection={selection} onSelection={setSelection} period={period} onPeriod={setPeriod} />
          <button type="button" className="button primary" onClick={exportReviews}>
            {t('teamExchange.export')}
          </button>
        </div>
      )}
      {lead && (
        <p className="muted">
          {lead.lastExportAtMs === null
            ? t('teamExchange.neverExported')
            : t('teamExchange.lastExport', { date: formatDateTime(lead.lastExportAtMs, locale) })}
        </p>
      )}
      {count !== null && (
        <p role="status" className="notice">
          {t('teamExchange.exported', { count })}
        </p>
      )}
      {error && <ErrorPanel error={error} />}
      <PackageImportButton
        label={t('teamExchange.importInvitation')}
        testId="team-invitation-input"
        onImported={exchange.reload}
      />
    </section>
  );
}
