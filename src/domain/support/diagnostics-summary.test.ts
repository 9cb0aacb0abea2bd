import { describe, expect, it } from 'vitest';
import { diagnosticsSummary, type DiagnosticsFacts } from './diagnostics-summary';

const facts: DiagnosticsFacts = {
  version: '0.1.0',
  runtime: {
    node: '22.20.0',
    electron: '41.7.1',
    chrome: '146.0.7680.65',
    platform: 'linux',
    arch: 'x64',
    osRelease: '6.1.0',
  },
  dataDir: '/home/sanne/.config/Klankbord',
  databaseFile: '/home/sanne/.config/Klankbord/klankbord.db',
  schemaVersion: 7,
  logFile: '/home/sanne/.config/Klankbord/logs/klankbord.log',
  recentErrors: [
    { time: '2026-12-04T10:00:00.000Z', process: 'renderer', version: '0.1.0', message: 'render: x is undefined' },
  ],
};
const page = { userAgent: 'Mozilla/5.0 Chrome/146', generatedAt: '2026-12-04T10:05:00.000Z' };

describe('diagnosticsSummary', () => {
  it('lists versions, folders and the recent errors with their process and version', () => {
    const text = diagnosticsSummary(facts, page);
    expect(text).toContain('Klankbord 0.1.0 diagnostics, 2026-12-04T10:05:00.000Z');
    expect(text).toContain('Runs as: Electron 41.7.1 (Chromium 146.0.7680.65), Node 22.20.0, linux 6.1.0 x64');
    expect(text).toContain('Data folder: /home/sanne/.config/Klankbord\n');
    expect(text).toContain('Database: /home/sanne/.config/Klankbord/klankbord.db (schema 7)');
    expect(text).toContain('Log file: /home/sanne/.config/Klankbord/logs/klankbord.log');
    expect(text).toContain(
      'Recent errors (1, oldest first):\n2026-12-04T10:00:00.000Z [renderer] v0.1.0 render: x is undefined',
    );
  });

  it('says browser mode and no errors when so', () => {
    const text = diagnosticsSummary(
      { ...facts, runtime: { ...facts.runtime, electron: null, chrome: null }, recentErrors: [] },
      page,
    );
    expect(text).toContain('Runs as: browser mode, Node 22.20.0');
    expect(text).toContain('Recent errors: none');
  });
});
