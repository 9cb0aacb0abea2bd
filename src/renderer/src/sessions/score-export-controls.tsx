import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export const scoreFormats = ['xlsx', 'csv-excel-nl', 'csv-rfc4180', 'json'] as const;
export type ScoreFormat = (typeof scoreFormats)[number];

/** A format choice and the button that exports the scores in it. */
export function ScoreExportControls({ onExport }: { onExport: (format: ScoreFormat) => void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<ScoreFormat>('xlsx');
  return (
    <>
      <label className="inline-field">
        {t('sessions.exportFormat')}
        <select value={format} onChange={(event) => setFormat(event.target.value as ScoreFormat)}>
          {scoreFormats.map((option) => (
            <option key={option} value={option}>
              {t(`sessions.formats.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button primary" onClick={() => onExport(format)}>
        {t('sessions.exportScores')}
      </button>
    </>
  );
}
