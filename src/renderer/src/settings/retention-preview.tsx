import { useTranslation } from 'react-i18next';
import type { RetentionPreview } from '../../../contract/retention';
import { formatCalendarDate } from '../ui/calendar-date';
import { useLocale } from '../ui/use-locale';

type PreviewCall = RetentionPreview['calls'][number];

/** How many titles a group lists before "and N more". */
const titlesPerGroup = 8;

/** The local calendar day of a moment, as "yyyy-mm-dd". */
function localDay(atMs: number): string {
  const date = new Date(atMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The listed calls due later, grouped by the local day they lose their media, earliest first. */
function groupByDay(calls: readonly PreviewCall[]): [string, PreviewCall[]][] {
  const groups = new Map<string, PreviewCall[]>();
  for (const call of calls) {
    const day = localDay(call.dueAtMs);
    groups.set(day, [...(groups.get(day) ?? []), call]);
  }
  return [...groups.entries()];
}

function CallGroup({ heading, calls, testId }: { heading: string; calls: readonly PreviewCall[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="retention-group" data-testid={testId}>
      <p>{heading}</p>
      <ul>
        {calls.slice(0, titlesPerGroup).map((call) => (
          <li key={call.callId}>
            {call.title} <span className="muted">· {t(`retention.ruleKinds.${call.rule}`)}</span>
          </li>
        ))}
        {calls.length > titlesPerGroup && (
          <li className="muted">{t('retention.andMore', { count: calls.length - titlesPerGroup })}</li>
        )}
      </ul>
    </div>
  );
}

/** "These N calls will lose their audio on …": now, held by a draft, and later by day. */
export function RetentionPreviewView({ preview }: { preview: RetentionPreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = preview.calls.filter((call) => call.dueNow);
  const held = preview.calls.filter((call) => call.heldByDraft);
  const later = groupByDay(preview.calls.filter((call) => !call.dueNow && !call.heldByDraft));
  if (preview.calls.length === 0) return <p data-testid="retention-nothing-due">{t('retention.nothingDue')}</p>;
  return (
    <div className="retention-preview" data-testid="retention-preview">
      {preview.dueNowCount > 0 && (
        <CallGroup
          heading={t('retention.dueNow', { count: preview.dueNowCount })}
          calls={now}
          testId="retention-due-now"
        />
      )}
      {preview.heldByDraftCount > 0 && (
        <CallGroup
          heading={t('retention.held', { count: preview.heldByDraftCount })}
          calls={held}
          testId="retention-held"
        />
      )}
      {later.map(([day, calls]) => (
        <CallGroup
          key={day}
          heading={t('retention.dueOn', { count: calls.length, date: formatCalendarDate(day, locale) })}
          calls={calls}
          testId="retention-due-later"
        />
      ))}
      {preview.truncated && <p className="muted">{t('retention.truncated', { count: preview.calls.length })}</p>}
    </div>
  );
}
