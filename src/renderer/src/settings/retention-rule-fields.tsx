import { useTranslation } from 'react-i18next';
import {
  maxRetentionDays,
  retentionBases,
  type RetentionBasis,
  type RetentionRuleKind,
} from '../../../domain/retention/model';

/** The text of a rule as typed: the days stay text until they parse, so a half-typed number is not lost. */
export interface RuleDraft {
  readonly basis: RetentionBasis;
  readonly daysText: string;
}

/** Whole days from 0 to the maximum, or null. */
export function parseDays(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const days = Number(text.trim());
  return days <= maxRetentionDays ? days : null;
}

/** One rule: what starts the clock (or never), and after how many days the audio goes. */
export function RetentionRuleFields({
  kind,
  draft,
  onChange,
}: {
  kind: RetentionRuleKind;
  draft: RuleDraft;
  onChange: (draft: RuleDraft) => void;
}) {
  const { t } = useTranslation();
  const off = draft.basis === 'off';
  const invalid = !off && parseDays(draft.daysText) === null;
  const id = `retention-${kind}`;
  return (
    <fieldset className="retention-rule" data-testid={`${id}-rule`}>
      <legend>{t(`retention.${kind}`)}</legend>
      <label htmlFor={`${id}-basis`}>{t('retention.basis')}</label>
      <select
        id={`${id}-basis`}
        value={draft.basis}
        onChange={(event) => onChange({ ...draft, basis: event.target.value as RetentionBasis })}
      >
        {retentionBases.map((basis) => (
          <option key={basis} value={basis}>
            {t(`retention.bases.${basis}`)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-days`}>{t('retention.days')}</label>
      <span className="retention-days">
        <input
          id={`${id}-days`}
          type="number"
          inputMode="numeric"
          min={0}
          max={maxRetentionDays}
          step={1}
          value={draft.daysText}
          disabled={off}
          aria-invalid={invalid}
          aria-describedby={invalid ? `${id}-days-error` : undefined}
          onChange={(event) => onChange({ ...draft, daysText: event.target.value })}
        />
        <span aria-hidden="true">{t('retention.daysSuffix')}</span>
      </span>
      {invalid && (
        <p id={`${id}-days-error`} className="error-inline retention-days-error">
          {t('retention.daysInvalid', { max: maxRetentionDays })}
        </p>
      )}
    </fieldset>
  );
}
