// Why the backend could not start, in words for the user (Dutch and English) and as a CLI exit code.
import { statfsSync } from 'node:fs';
import { DatabaseTooNewError } from '../storage/migrations';
import { DataFolderInUseError } from '../storage/folder-lock';
import { DataKeyError } from './encryption/folder-encryption';

export const startupProblems = [
  'data_folder_in_use',
  'database_locked',
  'disk_full',
  'no_access',
  'io_error',
  'database_too_new',
  'unexpected',
  'data_key_missing',
  'data_key_wrong',
] as const;
export type StartupProblem = (typeof startupProblems)[number];

/** The CLI's exit code for each problem (0-2 are the CLI's own: success, refused input, usage). */
export const startupExitCodes: Record<StartupProblem, number> = {
  data_folder_in_use: 10,
  database_locked: 11,
  disk_full: 12,
  no_access: 13,
  io_error: 14,
  database_too_new: 15,
  unexpected: 16,
  data_key_missing: 17,
  data_key_wrong: 18,
};

export type StartupLanguage = 'nl' | 'en';

export interface StartupFailure {
  readonly problem: StartupProblem;
  readonly dataDir: string;
  /** The technical reason (English, from the error), for support. */
  readonly detail: string;
  readonly exitCode: number;
}

/** Less free space than this on the data folder's disk makes an I/O error a full disk. */
const nearlyFullBytes = 16 * 1024 * 1024;

function freeBytes(dataDir: string): number | null {
  try {
    const stats = statfsSync(dataDir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

function codeOf(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : '';
}

function problemOf(error: unknown, dataDir: string): StartupProblem {
  if (error instanceof DataFolderInUseError) return 'data_folder_in_use';
  if (error instanceof DatabaseTooNewError) return 'database_too_new';
  if (error instanceof DataKeyError) return error.problem;
  const code = codeOf(error);
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'database_locked';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  // SQLite reports a full disk while growing its shared-memory or journal files as an I/O error (or, when no file
  // can be created, as "cannot open"): the free space tells them apart.
  const diskTrouble = /^SQLITE_(IOERR|CANTOPEN)/.test(code) || code === 'EIO';
  if (diskTrouble && (freeBytes(dataDir) ?? Infinity) < nearlyFullBytes) return 'disk_full';
  if (/^SQLITE_(CANTOPEN|PERM|READONLY|AUTH)/.test(code) || ['EACCES', 'EPERM', 'EROFS'].includes(code))
    return 'no_access';
  if (diskTrouble) return 'io_error';
  return 'unexpected';
}

/** Classifies an error thrown while starting the backend on `dataDir`. */
export function classifyStartupFailure(error: unknown, dataDir: string): StartupFailure {
  const problem = problemOf(error, dataDir);
  const detail = error instanceof Error ? error.message : String(error);
  return { problem, dataDir, detail, exitCode: startupExitCodes[problem] };
}

const texts: Record<StartupLanguage, { title: string; details: string } & Record<StartupProblem, string>> = {
  nl: {
    title: 'Klankbord kan niet starten',
    details: 'Details',
    data_folder_in_use:
      'Een andere Klankbord gebruikt de gegevensmap {dataDir} al (de desktop-app, de browsermodus of de opdrachtregel). Sluit die eerst, of kies een andere gegevensmap met --data-dir.',
    database_locked:
      'Een ander programma heeft de database in {dataDir} vergrendeld. Sluit dat programma (bijvoorbeeld een databaseviewer) en start Klankbord opnieuw. Er is niets veranderd.',
    disk_full:
      'De schijf met de gegevensmap {dataDir} is vol. Maak ruimte vrij en start Klankbord opnieuw. Er is niets veranderd: je gesprekken en beoordelingen zijn er nog.',
    no_access:
      'Klankbord mag de gegevensmap {dataDir} niet lezen of beschrijven (rechten, of een schijf die alleen gelezen kan worden). Er is niets veranderd.',
    io_error:
      'De schijf gaf een fout bij het openen van de gegevensmap {dataDir}. Er is niets veranderd. Controleer de schijf en start Klankbord opnieuw.',
    database_too_new:
      'De database in {dataDir} is gemaakt door een nieuwere versie van Klankbord. Werk Klankbord bij om hem te openen; de database is niet aangeraakt.',
    unexpected: 'Klankbord kon de gegevensmap {dataDir} niet openen.',
    data_key_missing:
      'De gegevensmap {dataDir} is versleuteld, maar de sleutel ontbreekt (het sleutelbestand, de wachtzin of de sleutel in de sleutelhanger van het systeem). Zet de sleutel terug en start Klankbord opnieuw. Er is niets veranderd of weggegooid.',
    data_key_wrong:
      'De sleutel past niet bij de versleutelde gegevensmap {dataDir}. Gebruik de sleutel (of wachtzin) waarmee de map is versleuteld en start Klankbord opnieuw. Er is niets veranderd of weggegooid.',
  },
  en: {
    title: 'Klankbord cannot start',
    details: 'Details',
    data_folder_in_use:
      'Another Klankbord is already using the data folder {dataDir} (the desktop app, browser mode or the command line). Close it first, or choose another data folder with --data-dir.',
    database_locked:
      'Another program has locked the database in {dataDir}. Close that program (a database browser, for example) and start Klankbord again. Nothing was changed.',
    disk_full:
      'The disk holding the data folder {dataDir} is full. Free up space and start Klankbord again. Nothing was changed: your calls and reviews are still there.',
    no_access:
      'Klankbord may not read or write the data folder {dataDir} (permissions, or a read-only disk). Nothing was changed.',
    io_error:
      'The disk reported an error while the data folder {dataDir} was opened. Nothing was changed. Check the disk, then start Klankbord again.',
    database_too_new:
      'The database in {dataDir} was made by a newer version of Klankbord. Update Klankbord to open it; the database was not touched.',
    unexpected: 'Klankbord could not open the data folder {dataDir}.',
    data_key_missing:
      "The data folder {dataDir} is encrypted, but its key is missing (the key file, the passphrase or the key in the system's credential store). Put the key back and start Klankbord again. Nothing was changed or removed.",
    data_key_wrong:
      'The key does not fit the encrypted data folder {dataDir}. Use the key (or passphrase) the folder was encrypted with and start Klankbord again. Nothing was changed or removed.',
  },
};

/** The title, the explanation and the technical detail line, in `language`. */
export function describeStartupFailure(
  failure: StartupFailure,
  language: StartupLanguage,
): { title: string; message: string; detail: string } {
  const text = texts[language];
  return {
    title: text.title,
    message: text[failure.problem].replace('{dataDir}', failure.dataDir),
    detail: `${text.details}: ${failure.detail}`,
  };
}

/** The first of the user's languages (BCP 47 tags, most preferred first) that Klankbord speaks; else English. */
export function pickStartupLanguage(tags: readonly (string | undefined)[]): StartupLanguage {
  for (const tag of tags) {
    const primary = tag
      ?.trim()
      .toLowerCase()
      .split(/[-_.@]/)[0];
    if (primary === 'nl' || primary === 'en') return primary;
  }
  return 'en';
}

/** Language tags from an Accept-Language header, most preferred first. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((param) => param.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The language of a terminal session, from the POSIX locale variables. */
export function terminalLanguage(env: NodeJS.ProcessEnv = process.env): StartupLanguage {
  return pickStartupLanguage(
    [env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE?.split(':')[0]].filter(
      (value) => value !== undefined && value !== '',
    ),
  );
}

/** One line for a terminal: the explanation and the technical detail. */
export function startupFailureLine(failure: StartupFailure, language: StartupLanguage): string {
  const { title, message, detail } = describeStartupFailure(failure, language);
  return `${title}: ${message} (${detail})`;
}
