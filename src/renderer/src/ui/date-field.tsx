import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from './use-locale';
import { datePattern, formatCalendarDateInput, parseCalendarDate } from './calendar-date';

/**
 * A date typed in the UI language's order (the browser's own date input follows the operating system, not the app).
 * The value is "yyyy-mm-dd" or "" for none; text that is not a date passes on "" and is marked at the field.
 */
export function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (isoDate: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorId = useId();
  const [text, setText] = useState(value ? formatCalendarDateInput(value, locale) : '');
  const [invalid, setInvalid] = useState(false);

  // The value (set here or from outside, in either language) is shown in the UI's format; unfinished typing stays.
  const [shown, setShown] = useState({ value, locale });
  if (shown.value !== value || shown.locale !== locale) {
    setShown({ value, locale });
    setText(value ? formatCalendarDateInput(value, locale) : parseCalendarDate(text) === null ? text : '');
  }

  const change = (next: string) => {
    setText(next);
    const parsed = parseCalendarDate(next);
    // Unfinished or wrong text sets no date (a filter is off until the date is whole), and is marked on leaving.
    onChange(parsed ?? '');
    if (parsed !== null || next.trim() === '') setInvalid(false);
  };

  return (
    <span className="date-field">
      <label>
        {label}
        <input
          type="text"
          inputMode="numeric"
          value={text}
          placeholder={datePattern[locale]}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => change(event.target.value)}
          onBlur={() => setInvalid(text.trim() !== '' && parseCalendarDate(text) === null)}
          size={11}
        />
      </label>
      {invalid && (
        <span id={errorId} className="field-error">
          {t('common.invalidDate', { pattern: datePattern[locale] })}
        </span>
      )}
    </span>
  );
}
