import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where ffmpeg is, for the formats no built-in decoder reads; saved on Enter, on leaving the field or with the button.
 * The caller keys it by the saved value, so a value saved elsewhere starts a fresh draft.
 */
export function FfmpegPathField({ value, onSave }: { value: string; onSave: (path: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const save = () => {
    if (draft.trim() !== value) onSave(draft.trim());
  };
  return (
    <>
      <label htmlFor="ffmpeg-path">{t('settings.ffmpegPath')}</label>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <input
          id="ffmpeg-path"
          type="text"
          spellCheck={false}
          value={draft}
          placeholder={t('settings.ffmpegPathPlaceholder')}
          aria-describedby="ffmpeg-path-hint"
          onChange={(event) => setDraft(event.target.value)}
          onBlur={save}
        />
        <button type="submit">{t('settings.ffmpegPathSave')}</button>
      </form>
      <span />
      <p id="ffmpeg-path-hint" className="muted hint">
        {t('settings.ffmpegPathHint')}
      </p>
    </>
  );
}
