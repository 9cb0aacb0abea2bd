import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { FfmpegPathField } from './ffmpeg-path-field';

function renderField(language: 'nl' | 'en', value = '') {
  const onSave = vi.fn();
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <div className="settings-grid">
        <FfmpegPathField value={value} onSave={onSave} />
      </div>
    </I18nextProvider>,
  );
  return onSave;
}

describe('FfmpegPathField', () => {
  it('saves the trimmed path on Enter, and says which formats need ffmpeg', async () => {
    const onSave = renderField('en');
    const field = screen.getByLabelText('ffmpeg (optional)');
    expect(field).toHaveAccessibleDescription(/AAC\/M4A, WebM/);
    await userEvent.type(field, '  /opt/ffmpeg/bin/ffmpeg {Enter}');
    expect(onSave).toHaveBeenCalledWith('/opt/ffmpeg/bin/ffmpeg');
  });

  it('saves an emptied field as empty (look on PATH) when leaving it, in Dutch', async () => {
    const onSave = renderField('nl', '/usr/local/bin/ffmpeg');
    const field = screen.getByLabelText('ffmpeg (optioneel)');
    await userEvent.clear(field);
    await userEvent.tab();
    expect(onSave).toHaveBeenCalledWith('');
    expect(field).toHaveAttribute('placeholder', 'ffmpeg zoeken op PATH');
  });
});
