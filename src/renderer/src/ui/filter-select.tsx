import { useTranslation } from 'react-i18next';

/** A labelled select that filters a list: "All" (the value "") first, then one choice per [value, text] pair. */
export function FilterSelect<Value extends string>({
  label,
  value,
  onChange,
  choices,
}: {
  label: string;
  value: Value | '';
  onChange: (value: Value | '') => void;
  choices: readonly (readonly [Value, string])[];
}) {
  const { t } = useTranslation();
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value as Value | '')}>
        <option value="">{t('reviewList.all')}</option>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
