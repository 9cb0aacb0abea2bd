import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../storage/connection';
import { DataFolderInUseError } from '../storage/folder-lock';
import { DatabaseTooNewError } from '../storage/migrations';
import { canMountSmallDisk, mountSmallDisk } from '../../tests/support/small-disk';
import { useTempDirs } from '../../tests/unit/temp-dir';
import {
  acceptedLanguages,
  classifyStartupFailure,
  describeStartupFailure,
  pickStartupLanguage,
  startupExitCodes,
  startupFailureLine,
  startupProblems,
  terminalLanguage,
} from './startup-failure';

const tempDir = useTempDirs();
const sqliteError = (code: string) =>
  new DatabaseOpenError('/data/klankbord.db', new Database.SqliteError('failed', code));
const systemError = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

describe('classifyStartupFailure', () => {
  it('names each problem and gives it its own exit code', () => {
    const dataDir = tempDir();
    const cases: [unknown, string][] = [
      [new DataFolderInUseError('/data/klankbord.lock'), 'data_folder_in_use'],
      [new DatabaseTooNewError(99, 8), 'database_too_new'],
      [sqliteError('SQLITE_BUSY'), 'database_locked'],
      [sqliteError('SQLITE_FULL'), 'disk_full'],
      [systemError('ENOSPC'), 'disk_full'],
      [sqliteError('SQLITE_READONLY'), 'no_access'],
      [systemError('EACCES'), 'no_access'],
      [sqliteError('SQLITE_IOERR_READ'), 'io_error'],
      [new Error('something else'), 'unexpected'],
    ];
    for (const [error, problem] of cases)
      expect(classifyStartupFailure(error, dataDir).problem, String(error)).toBe(problem);
    expect(new Set(Object.values(startupExitCodes)).size).toBe(startupProblems.length);
    for (const code of Object.values(startupExitCodes)) expect(code).toBeGreaterThan(2);
  });

  it.skipIf(!canMountSmallDisk)('calls an I/O error on a disk without free space a full disk', () => {
    // Larger than the "nearly full" margin, so the empty disk is not already short of space.
    const disk = mountSmallDisk(32 * 1024 * 1024)!;
    try {
      expect(classifyStartupFailure(sqliteError('SQLITE_IOERR_SHMSIZE'), disk.dir).problem).toBe('io_error');
      disk.fill();
      expect(classifyStartupFailure(sqliteError('SQLITE_IOERR_SHMSIZE'), disk.dir).problem).toBe('disk_full');
    } finally {
      disk.unmount();
    }
  });
});

describe('the words for a start-up failure', () => {
  it('exist in Dutch and English for every problem and name the data folder', () => {
    for (const problem of startupProblems) {
      const failure = {
        problem,
        dataDir: '/home/sanne/Klankbord',
        detail: 'technical reason',
        exitCode: startupExitCodes[problem],
      };
      const nl = describeStartupFailure(failure, 'nl');
      const en = describeStartupFailure(failure, 'en');
      expect(nl.message).toContain('/home/sanne/Klankbord');
      expect(en.message).toContain('/home/sanne/Klankbord');
      expect(nl.message).not.toBe(en.message);
      expect(nl.title).toBe('Klankbord kan niet starten');
      expect(en.detail).toBe('Details: technical reason');
      expect(startupFailureLine(failure, 'en')).not.toContain('\n');
    }
  });

  it('follows the user languages: Accept-Language, the system list, the terminal locale', () => {
    expect(acceptedLanguages('en-GB;q=0.5, nl-NL, *;q=0.1')).toEqual(['nl-NL', 'en-GB']);
    expect(pickStartupLanguage(acceptedLanguages('de-DE, nl;q=0.8, en;q=0.7'))).toBe('nl');
    expect(pickStartupLanguage(acceptedLanguages('fr, de'))).toBe('en');
    expect(pickStartupLanguage(acceptedLanguages(undefined))).toBe('en');
    expect(pickStartupLanguage(['nl-BE'])).toBe('nl');
    expect(terminalLanguage({ LANG: 'nl_NL.UTF-8' })).toBe('nl');
    expect(terminalLanguage({ LC_ALL: 'C', LANG: 'nl_NL.UTF-8' })).toBe('nl');
    expect(terminalLanguage({ LC_ALL: 'en_US.UTF-8', LANG: 'nl_NL.UTF-8' })).toBe('en');
    expect(terminalLanguage({})).toBe('en');
  });
});
