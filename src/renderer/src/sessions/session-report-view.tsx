import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../contract/methods';
import type { SessionSummary } from '../../../contract/sessions';
import { isMomentType, momentTypeInfo } from '../../../domain/moments/moment-types';
import { localize, type Locale } from '../../../domain/rubric/localized-text';
import { useBackendQuery } from '../hooks/use-backend-query';
import { useLocale } from '../ui/use-locale';
import { maxOf } from '../../../domain/extremes';
import { SessionCallMetrics } from './session-call-metrics';

function formatNumber(value: number | null, digits: number, locale: string): string {
  return value === null
    ? '—'
    : value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
}

type SessionReport = MethodOutput<'sessions.report'>;

/** The report texts that head a table column. */
type ReportColumn =
  | 'reviewer'
  | 'calls'
  | 'bias'
  | 'mad'
  | 'within'
  | 'severity'
  | 'momentF1'
  | 'momentType'
  | 'matched'
  | 'unmatched'
  | 'f1'
  | 'item'
  | 'alpha'
  | 'band'
  | 'agreement'
  | 'ac1';

/** A report table's header row: one column header per report text. */
function ReportHeaders({ columns }: { columns: readonly ReportColumn[] }) {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {t(`sessions.report.${column}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

const reviewerColumns: readonly ReportColumn[] = ['reviewer', 'calls', 'bias', 'mad', 'within', 'severity', 'momentF1'];
const momentColumns: readonly ReportColumn[] = ['momentType', 'matched', 'unmatched', 'f1'];
const itemColumns: readonly ReportColumn[] = ['item', 'alpha', 'band', 'agreement', 'ac1', 'within'];

/** Agreement on the total against the thresholds, and whether there are enough reviews to say much. */
function TotalAgreement({ value, locale }: { value: SessionReport; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 id="report-title">
        {t('sessions.report.title')}{' '}
        <span className="muted">({t(`sessions.report.reference.${value.reference}`)})</span>
      </h2>
      {!value.enoughReviews && (
        <p className="notice" data-testid="report-not-enough">
          {t('sessions.report.notEnoughReviews')}
        </p>
      )}
      <p>
        {t('sessions.report.total')}: α = {formatNumber(value.total.alpha, 3, locale)}{' '}
        {value.total.band && (
          <span className={`band band-${value.total.band}`}>{t(`sessions.report.bands.${value.total.band}`)}</span>
        )}{' '}
        · {t('sessions.report.icc')} = {formatNumber(value.total.iccAgreement, 3, locale)}
      </p>
    </>
  );
}

/** Each reviewer's calibration: bias, deviation, severity and how well their moments match. */
function ReviewerTable({ session, value, locale }: { session: SessionSummary; value: SessionReport; locale: Locale }) {
  return (
    <div className="table-wrap">
      <table className="review-table" data-testid="report-reviewers">
        <ReportHeaders columns={reviewerColumns} />
        <tbody>
          {value.reviewers.map((reviewer, index) => (
            <tr key={session.reviewers[index]?.id ?? index}>
              <td>{session.reviewers[index]?.name}</td>
              <td>{reviewer.calls ?? '—'}</td>
              <td className="number">{formatNumber(reviewer.bias, 1, locale)}</td>
              <td className="number">{formatNumber(reviewer.meanAbsoluteDeviation, 1, locale)}</td>
              <td className="number">{formatNumber(reviewer.percentWithinTolerance, 0, locale)}</td>
              <td className="number">
                {formatNumber(reviewer.severity, 1, locale)}
                {reviewer.severityStandardError !== null
                  ? ` ± ${formatNumber(reviewer.severityStandardError, 1, locale)}`
                  : ''}
              </td>
              <td className="number">{formatNumber(value.moments.reviewers?.[index]?.f1 ?? null, 2, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Each reviewer's bias on the total as a bar left (strict) or right (lenient) of zero. */
function BiasChart({ session, value }: { session: SessionSummary; value: SessionReport }) {
  const { t } = useTranslation();
  const biases = value.reviewers.map((reviewer) => reviewer.bias ?? 0);
  const scale = Math.max(5, maxOf(biases.map(Math.abs)));
  return (
    <figure className="bias-chart">
      <figcaption>{t('sessions.report.chartTitle')}</figcaption>
      <svg
        viewBox={`0 0 400 ${value.reviewers.length * 24 + 8}`}
        role="img"
        aria-label={t('sessions.report.chartTitle')}
      >
        <line x1="200" x2="200" y1="0" y2={value.reviewers.length * 24 + 8} stroke="currentColor" strokeOpacity="0.4" />
        {biases.map((bias, index) => {
          const width = (Math.abs(bias) / scale) * 150;
          return (
            <g key={index} transform={`translate(0, ${index * 24 + 4})`}>
              <text x="4" y="14" fontSize="11" fill="currentColor">
                {session.reviewers[index]?.name}
              </text>
              <rect
                x={bias >= 0 ? 200 : 200 - width}
                y="2"
                width={width}
                height="16"
                fill={bias >= 0 ? 'var(--status-submitted-fg)' : 'var(--danger)'}
              />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** How well the reviewers' moments match, per moment type. */
function MomentTable({ value, locale }: { value: SessionReport; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="review-table" data-testid="report-moments">
        <caption>{t('sessions.report.momentsTitle')}</caption>
        <ReportHeaders columns={momentColumns} />
        <tbody>
          {value.moments.types.map((entry) => (
            <tr key={entry.type}>
              <td>{isMomentType(entry.type) ? localize(momentTypeInfo[entry.type].label, locale) : entry.type}</td>
              <td className="number">{entry.matched}</td>
              <td className="number">{entry.unmatched}</td>
              <td className="number">{formatNumber(entry.f1, 2, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Agreement per rubric item, ambiguous items marked. */
function ItemTable({ value, locale }: { value: SessionReport; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="review-table" data-testid="report-items">
        <ReportHeaders columns={itemColumns} />
        <tbody>
          {value.items.map((item) => (
            <tr key={item.itemId} data-item-id={item.itemId} className={item.ambiguous ? 'ambiguous' : undefined}>
              <td>
                {item.itemId}
                {item.ambiguous && <span className="badge badge-critical"> {t('sessions.report.ambiguous')}</span>}
              </td>
              <td className="number">{formatNumber(item.alpha, 3, locale)}</td>
              <td>{item.band ? t(`sessions.report.bands.${item.band}`) : '—'}</td>
              <td className="number">{formatNumber(item.percentAgreement, 0, locale)}</td>
              <td className="number">{formatNumber(item.gwetAc1, 3, locale)}</td>
              <td className="number">{formatNumber(item.percentWithinTolerance, 0, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The session report: agreement per item, section and total against the thresholds; each reviewer's calibration. */
export function SessionReportView({ session }: { session: SessionSummary }) {
  const locale = useLocale();
  const report = useBackendQuery('sessions.report', { sessionId: session.id }, ['calls.changed']);
  if (report.status !== 'ok') return null;
  const value = report.value;
  return (
    <section className="session-report" aria-labelledby="report-title">
      <TotalAgreement value={value} locale={locale} />
      <ReviewerTable session={session} value={value} locale={locale} />
      <BiasChart session={session} value={value} />
      {value.moments.types.length > 0 && <MomentTable value={value} locale={locale} />}
      <SessionCallMetrics session={session} metrics={value.callMetrics} />
      <ItemTable value={value} locale={locale} />
    </section>
  );
}
